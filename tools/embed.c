/* embed.c - build-time tool: turns a file into a C source that defines
 * `const char SYMBOL[]` (NUL-terminated) and `const unsigned long SYMBOL_len`,
 * so the binary carries its schema and default ladder without data files. */
#include <stdio.h>

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: embed SYMBOL INPUT OUTPUT\n");
        return 2;
    }
    FILE *in = fopen(argv[2], "rb");
    if (!in) {
        perror(argv[2]);
        return 1;
    }
    FILE *out = fopen(argv[3], "w");
    if (!out) {
        perror(argv[3]);
        fclose(in);
        return 1;
    }
    fprintf(out, "/* generated from %s by tools/embed.c; do not edit */\n", argv[2]);
    fprintf(out, "const char %s[] = {", argv[1]);
    unsigned long n = 0;
    int c;
    while ((c = fgetc(in)) != EOF) {
        fprintf(out, "%s%d,", n % 16 ? "" : "\n", c);
        n++;
    }
    fprintf(out, "0};\nconst unsigned long %s_len = %lu;\n", argv[1], n);
    int bad = ferror(in) || ferror(out);
    fclose(in);
    if (fclose(out) != 0 || bad) {
        fprintf(stderr, "embed: write failed\n");
        return 1;
    }
    return 0;
}
