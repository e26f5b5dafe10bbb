/* view_quiz.c - the quiz as a TUI view: the first-launch offer (which can open
 * the overview first), one question per screen, and the result with its reason
 * and advice; i shows the quiz's introduction in place of a question or the
 * result at any time (Up/Down scroll it, i again goes back). Answers live only
 * in this view's state until the last question is answered; then one call
 * records the attempt (one transaction). Esc at any question leaves with nothing
 * saved. */
#include "climb/view_quiz.h"
#include "climb/clock.h"
#include "climb/draw.h"
#include "climb/profiles.h"
#include "climb/text.h"
#include "climb/view_overview.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum { STAGE_OFFER, STAGE_QUESTION, STAGE_RESULT } quiz_stage;

typedef struct {
    quiz_stage stage;
    size_t q;                                /* current question */
    int choice;                              /* highlighted answer */
    quiz_answer answers[QUIZ_MAX_QUESTIONS];
    size_t answered;                         /* questions answered so far */
    quiz_placement placement;
    quiz_attempt attempt;
    int scroll;                              /* first line shown (result, introduction) */
    int lines;                               /* lines of the last drawn screen */
    int page;                                /* lines in sight at the last draw */
    const char *hint;                        /* one-shot hint under the text */
    int show_intro;                          /* i: the introduction instead of the screen */
} quiz_state;

/* Draws paragraphs one after another into rows [top, bottom), skipping the first
 * `scroll` lines of the whole flow. */
typedef struct {
    WINDOW *w;
    int x, width, top, bottom, scroll, line;
} flow;

static void flow_text(flow *f, const char *s, attr_t a)
{
    int n = draw_wrapped_lines(s, f->width);
    int y = f->top + f->line - f->scroll;
    int skip = y < f->top ? f->top - y : 0;
    if (y + n > f->top && y + skip < f->bottom)
        draw_wrapped(f->w, y + skip, f->x, f->width, skip, f->bottom - (y + skip), s, a);
    f->line += n;
}

static void flow_gap(flow *f)
{
    f->line++;
}

static void draw_offer(tui *t, flow *f)
{
    char hello[256];
    snprintf(hello, sizeof hello, "Welcome to climb, %s.", t->model->profile.name);
    flow_text(f, hello, draw_style(ST_HEADING));
    flow_gap(f);
    snprintf(hello, sizeof hello,
             "The quiz has %zu questions; your answers place you on the ladder, so you know"
             " which phase to start from.",
             t->ladder->n_questions);
    flow_text(f, hello, A_NORMAL);
    flow_gap(f);
    flow_text(f, t->ladder->quiz_intro, A_NORMAL);
    flow_gap(f);
    flow_text(f,
              "Enter: take the quiz now   o: an overview of the ladder first   s or Esc: "
              "skip (Q takes it any time)",
              draw_style(ST_MARK));
}

static void draw_intro(tui *t, flow *f)
{
    flow_text(f, "About this quiz", draw_style(ST_HEADING));
    flow_gap(f);
    flow_text(f, t->ladder->quiz_intro, A_NORMAL);
    flow_gap(f);
    flow_text(f, "i: back to the quiz", draw_style(ST_MARK));
}

/* Draws s wrapped into at most `rows` rows from row y; when it needs more, the
 * last row holds the rest, cut with "…". */
static void draw_clamped(WINDOW *w, int y, int x, int width, int rows, const char *s, attr_t a)
{
    int n = draw_wrapped_lines(s, width);
    if (rows <= 0)
        return;
    if (n <= rows) {
        draw_wrapped(w, y, x, width, 0, rows, s, a);
        return;
    }
    draw_wrapped(w, y, x, width, 0, rows - 1, s, a);
    char *vis = text_visible(s, TEXT_KEEP_NEWLINES);
    text_span *l = malloc((size_t)n * sizeof *l);
    if (vis && l && text_wrap(vis, width, l, (size_t)n) == (size_t)n) {
        char *rest = vis + l[rows - 1].start;
        for (char *p = rest; *p; p++)
            *p = *p == '\n' ? ' ' : *p;
        draw_text(w, y + rows - 1, x, width, rest, a);
    }
    free(l);
    free(vis);
}

/* The answers, one row each, the chosen one marked. */
static void draw_answers(quiz_state *qs, flow *f)
{
    for (int a = 0; a < ANSWER_COUNT; a++) {
        char row[64];
        int on = a == qs->choice;
        snprintf(row, sizeof row, "%s %d  %s", on ? draw_glyph(GL_CURSOR) : " ", a + 1,
                 quiz_answer_label((quiz_answer)a));
        flow_text(f, row, on ? draw_style(ST_CURSOR) : A_NORMAL);
    }
}

/* Rows the roomy question screen takes: heading, gap, question, gap, answers,
 * and the hint. */
static int question_rows(tui *t, const quiz_state *qs, int width)
{
    return 2 + draw_wrapped_lines(t->ladder->questions[qs->q].text, width) + 1 + ANSWER_COUNT +
           (qs->hint ? 1 + draw_wrapped_lines(qs->hint, width) : 0);
}

/* A question where the roomy screen does not fit (40x12): its number goes to
 * the border's title, the answers keep their rows at the bottom, and the
 * question gets the rest (cut with "…" only when even that is too little). */
static void draw_question_compact(tui *t, quiz_state *qs, flow *f)
{
    int avail = f->bottom - f->top;
    const char *text = t->ladder->questions[qs->q].text;
    int qrows = avail - ANSWER_COUNT;
    int gap = qrows > draw_wrapped_lines(text, f->width) && qrows > 1;
    draw_clamped(f->w, f->top, f->x, f->width, qrows - gap, text, A_NORMAL);
    f->line = qrows;
    draw_answers(qs, f);
}

static void draw_question(tui *t, quiz_state *qs, flow *f)
{
    char head[64];
    snprintf(head, sizeof head, "Question %zu of %zu", qs->q + 1, t->ladder->n_questions);
    flow_text(f, head, draw_style(ST_HEADING));
    flow_gap(f);
    flow_text(f, t->ladder->questions[qs->q].text, A_NORMAL);
    flow_gap(f);
    draw_answers(qs, f);
    flow_gap(f);
    if (qs->hint)
        flow_text(f, qs->hint, draw_style(ST_MESSAGE));
}

static void draw_result(tui *t, quiz_state *qs, flow *f)
{
    char line[256], reason[1024], when[20];
    quiz_describe(t->ladder, qs->placement.phase, qs->placement.on_edge_of, line, sizeof line);
    char head[300];
    snprintf(head, sizeof head, "Your placement: %s", line);
    flow_text(f, head, draw_style(ST_HEADING));
    flow_text(f, qs->placement.band->label, draw_style(ST_MARK));
    flow_gap(f);
    flow_text(f, "Why", draw_style(ST_HEADING));
    quiz_reason(t->ladder, qs->answers, t->ladder->n_questions, &qs->placement, reason,
                sizeof reason);
    flow_text(f, reason, A_NORMAL);
    flow_gap(f);
    flow_text(f, "Where to start", draw_style(ST_HEADING));
    const char *advice = quiz_advice(t->ladder, qs->placement.phase);
    flow_text(f, advice ? advice : "", A_NORMAL);
    flow_gap(f);
    clock_format_local_minute(qs->attempt.taken_at, when, sizeof when);
    snprintf(line, sizeof line,
             "Saved %s; earlier attempts are kept. %s marks it in the Ladder pane.", when,
             draw_glyph(GL_PLACED));
    flow_text(f, line, draw_style(ST_DIM));
}

/* The view's own commands; the grammar's keys run VIEW_CMD_* (view.h): closing
 * skips the offer, abandons a question (nothing saved) and leaves the result. */
enum { CMD_START = 1, CMD_CHOOSE, CMD_NEXT, CMD_BACK, CMD_RETAKE, CMD_OVERVIEW, CMD_INTRO };

static const view_key OFFER_KEYS[] = {
    {'\n', KEY_ENTER, CMD_START, "Enter", "take the quiz now"},
    {'\r', 0, CMD_START, "Ctrl-M", NULL},
    {'y', 0, CMD_START, "y", NULL},
    {'o', 0, CMD_OVERVIEW, "o", "read the overview first (Esc: back here)"},
    {27, 0, VIEW_CMD_CLOSE, "Esc", "skip it (Q takes it any time)"},
    {'s', 0, VIEW_CMD_CLOSE, "s", NULL},
    {'n', 0, VIEW_CMD_CLOSE, "n", NULL},
    {'q', 0, VIEW_CMD_CLOSE, "q", NULL},
    {0, 0, 0, NULL, NULL},
};

_Static_assert(ANSWER_COUNT == 3, "QUESTION_KEYS binds 1 2 3 to the answers");

static const view_key QUESTION_KEYS[] = {
    {'1', 0, CMD_CHOOSE, "1", "choose that answer"},
    {'2', 0, CMD_CHOOSE, "2", NULL},
    {'3', 0, CMD_CHOOSE, "3", NULL},
    {'k', KEY_UP, VIEW_CMD_UP, "Up k", "choose the answer above"},
    {'j', KEY_DOWN, VIEW_CMD_DOWN, "Down j", "choose the answer below"},
    {'g', KEY_HOME, VIEW_CMD_FIRST, "Home g", "choose the first answer"},
    {0, KEY_PPAGE, VIEW_CMD_PAGE_UP, "PgUp", NULL},
    {'G', KEY_END, VIEW_CMD_LAST, "End G", "choose the last answer"},
    {0, KEY_NPAGE, VIEW_CMD_PAGE_DOWN, "PgDn", NULL},
    {'\n', KEY_ENTER, CMD_NEXT, "Enter", "answer and go to the next question"},
    {'\r', 0, CMD_NEXT, "Ctrl-M", NULL},
    {127, KEY_BACKSPACE, CMD_BACK, "Backspace", "back to the previous question"},
    {8, 0, CMD_BACK, "Ctrl-H", NULL},
    {'i', 0, CMD_INTRO, "i", "show or hide the quiz's introduction"},
    {27, 0, VIEW_CMD_CLOSE, "Esc", "abandon the quiz; nothing is saved"},
    {'q', 0, VIEW_CMD_CLOSE, "q", NULL},
    {0, 0, 0, NULL, NULL},
};

static const view_key RESULT_KEYS[] = {
    {'\n', KEY_ENTER, VIEW_CMD_CLOSE, "Enter", "close"},
    {'\r', 0, VIEW_CMD_CLOSE, "Ctrl-M", NULL},
    {27, 0, VIEW_CMD_CLOSE, "Esc", NULL},
    {'q', 0, VIEW_CMD_CLOSE, "q", NULL},
    VIEW_SCROLL_KEY_ROWS,
    {'Q', 0, CMD_RETAKE, "Q", "take the quiz again"},
    {'i', 0, CMD_INTRO, "i", "show or hide the quiz's introduction"},
    {0, 0, 0, NULL, NULL},
};

const view_key *const quiz_key_tables[] = {OFFER_KEYS, QUESTION_KEYS, RESULT_KEYS, NULL};

static const view_hint_item OFFER_HINT[] = {
    {CMD_START, 0, "start"}, {CMD_OVERVIEW, 0, "overview"}, {VIEW_CMD_CLOSE, 0, "skip"},
    {0, 0, NULL},
};
static const view_hint_item QUESTION_HINT[] = {
    {VIEW_CMD_UP, VIEW_CMD_DOWN, "choose"}, {CMD_CHOOSE, 0, "answer"}, {CMD_NEXT, 0, "next"},
    {CMD_INTRO, 0, "about"}, {CMD_BACK, 0, "back"}, {VIEW_CMD_CLOSE, 0, "abandon"},
    {0, 0, NULL},
};
static const view_hint_item INTRO_HINT[] = {
    {CMD_INTRO, 0, "back"}, {VIEW_CMD_UP, VIEW_CMD_DOWN, "scroll"},
    {VIEW_CMD_CLOSE, 0, "abandon"}, {0, 0, NULL},
};
static const view_hint_item RESULT_HINT[] = {
    {VIEW_CMD_CLOSE, 0, "close"}, {VIEW_CMD_UP, VIEW_CMD_DOWN, "scroll"},
    {CMD_INTRO, 0, "about"}, {CMD_RETAKE, 0, "retake"}, {0, 0, NULL},
};

/* The footer of the screen in front, from its key table. */
static void footer(const quiz_state *qs, int width, char *buf, size_t len)
{
    if (qs->stage == STAGE_OFFER)
        view_hint(OFFER_KEYS, OFFER_HINT, width, buf, len);
    else if (qs->stage == STAGE_QUESTION)
        view_hint(QUESTION_KEYS, qs->show_intro ? INTRO_HINT : QUESTION_HINT, width, buf, len);
    else
        view_hint(RESULT_KEYS, RESULT_HINT, width, buf, len);
}

static void quiz_draw(tui *t, void *state)
{
    quiz_state *qs = state;
    WINDOW *win = draw_screen_window(t->rows, t->cols); /* all but the title bar */
    if (!win)
        return;
    int w = getmaxx(win), h = getmaxy(win);
    char keys[256];
    footer(qs, (int)sizeof keys, keys, sizeof keys); /* draw_hints fits it to the rows */
    int width = w - 4 < 76 ? w - 4 : 76;
    int fr = h >= 16 && draw_hints_rows(keys, w - 4) > 1 ? 2 : 1; /* footer rows */
    flow f = {win, 2, width, 1, h - 1 - fr, qs->scroll, 0};
    int question = qs->stage == STAGE_QUESTION && !qs->show_intro;
    int compact = question && question_rows(t, qs, width) > f.bottom - f.top;
    char title[64];
    if (compact)
        snprintf(title, sizeof title, "Placement quiz %s question %zu of %zu",
                 draw_glyph(GL_DOT), qs->q + 1, t->ladder->n_questions);
    draw_box(win, compact ? title : qs->stage == STAGE_OFFER ? "Where are you now?"
                                                             : "Placement quiz", 1);
    if (qs->stage != STAGE_OFFER && qs->show_intro)
        draw_intro(t, &f);
    else if (qs->stage == STAGE_OFFER)
        draw_offer(t, &f);
    else if (compact)
        draw_question_compact(t, qs, &f);
    else if (qs->stage == STAGE_QUESTION)
        draw_question(t, qs, &f);
    else
        draw_result(t, qs, &f);
    qs->lines = f.line;
    qs->page = f.bottom - f.top;
    if (!question && f.line - f.scroll > f.bottom - f.top) { /* more below: say so */
        char more[32];
        snprintf(more, sizeof more, " %s more ", draw_glyph(GL_ELLIPSIS));
        draw_text(win, h - 1, w - 10, 8, more, draw_style(ST_BORDER_FOCUS));
    }
    if (compact && qs->hint) /* no row to spare: the hint stands in for the keys once */
        draw_text(win, h - 2, 2, w - 4, qs->hint, draw_style(ST_MESSAGE));
    else
        draw_hints(win, h - 1 - fr, 2, w - 4, fr, keys, draw_style(ST_DIM));
    wnoutrefresh(win);
    delwin(win);
}

static void start_questions(quiz_state *qs)
{
    qs->stage = STAGE_QUESTION;
    qs->q = qs->answered = 0;
    qs->choice = ANSWER_NO;
    qs->scroll = 0;
    qs->hint = NULL;
}

/* Leaves the result for the panes, showing the phase the quiz says to start at. */
static void close_on_placement(tui *t, quiz_state *qs)
{
    int p = qs->placement.phase - 1;
    tui_pop_view(t);
    if (p >= 0 && p < (int)t->ladder->n_phases) {
        tui_select_phase(t, p);
        tui_message(t, 0, "Showing Phase %d, where the quiz says to start.", p + 1);
    }
}

/* Places and records the answers; moves to the result screen. */
static int finish(tui *t, quiz_state *qs)
{
    climb_model *m = t->model;
    if (ops_quiz_take(m, qs->answers, t->ladder->n_questions, &qs->placement, &qs->attempt)) {
        tui_message(t, 1, "quiz not saved: %s", ops_error(m));
        tui_pop_view(t);
        return DIRTY_ALL;
    }
    qs->stage = STAGE_RESULT;
    qs->scroll = 0;
    return DIRTY_ALL;
}

static const view_key *quiz_keys(void *state)
{
    const quiz_state *qs = state;
    return qs->stage == STAGE_OFFER      ? OFFER_KEYS
           : qs->stage == STAGE_QUESTION ? QUESTION_KEYS
                                         : RESULT_KEYS;
}

static void toggle_intro(quiz_state *qs)
{
    qs->show_intro = !qs->show_intro;
    qs->scroll = 0;
}

/* Scrolls the result or the introduction by a grammar command: 1 when cmd was
 * one. */
static int scroll_by(quiz_state *qs, int cmd)
{
    int page = qs->page > 1 ? qs->page - 1 : 1, most = qs->lines - 1;
    switch (cmd) {
    case VIEW_CMD_UP: qs->scroll--; break;
    case VIEW_CMD_DOWN: qs->scroll++; break;
    case VIEW_CMD_PAGE_UP: qs->scroll -= page; break;
    case VIEW_CMD_PAGE_DOWN: qs->scroll += page; break;
    case VIEW_CMD_FIRST: qs->scroll = 0; break;
    case VIEW_CMD_LAST: qs->scroll = qs->lines - qs->page; break;
    default: return 0;
    }
    qs->scroll = qs->scroll > most ? most : qs->scroll;
    qs->scroll = qs->scroll < 0 ? 0 : qs->scroll;
    return 1;
}

/* A key on a question screen: cmd is its command in QUESTION_KEYS. While the
 * introduction shows, Up/Down scroll it and answering waits. */
static int handle_question(tui *t, quiz_state *qs, int cmd, int key)
{
    qs->hint = NULL;
    if (qs->show_intro && cmd != CMD_INTRO && cmd != VIEW_CMD_CLOSE) {
        scroll_by(qs, cmd);
        return DIRTY_ALL;
    }
    switch (cmd) {
    case CMD_INTRO: toggle_intro(qs); break;
    case VIEW_CMD_CLOSE:
        tui_pop_view(t);
        tui_message(t, 0, "Quiz abandoned; nothing was saved.");
        return DIRTY_ALL;
    case CMD_CHOOSE: qs->choice = key - '1'; break;
    case VIEW_CMD_UP: qs->choice -= qs->choice > 0; break;
    case VIEW_CMD_FIRST: case VIEW_CMD_PAGE_UP: qs->choice = 0; break;
    case VIEW_CMD_DOWN: qs->choice += qs->choice < ANSWER_COUNT - 1; break;
    case VIEW_CMD_LAST: case VIEW_CMD_PAGE_DOWN: qs->choice = ANSWER_COUNT - 1; break;
    case CMD_NEXT:
        qs->answers[qs->q] = (quiz_answer)qs->choice;
        if (qs->answered < qs->q + 1)
            qs->answered = qs->q + 1;
        if (qs->q + 1 == t->ladder->n_questions)
            return finish(t, qs);
        qs->q++;
        qs->choice = qs->q < qs->answered ? (int)qs->answers[qs->q] : ANSWER_NO;
        break;
    case CMD_BACK:
        if (qs->q == 0) {
            qs->hint = "This is the first question; Esc abandons the quiz.";
        } else {
            qs->answers[qs->q] = (quiz_answer)qs->choice; /* kept if they come back */
            qs->q--;
            qs->choice = (int)qs->answers[qs->q];
        }
        break;
    default:
        qs->hint = "Choose with Up/Down or 1 2 3, then Enter; Backspace goes back, Esc abandons.";
    }
    return DIRTY_ALL;
}

static int quiz_handle(tui *t, void *state, int key, int is_char, action a)
{
    quiz_state *qs = state;
    int cmd = view_key_cmd(quiz_keys(qs), key, is_char);
    (void)a;
    switch (qs->stage) {
    case STAGE_OFFER:
        if (cmd == CMD_START) {
            start_questions(qs);
        } else if (cmd == CMD_OVERVIEW) {
            overview_view_open(t); /* over the welcome, which Esc returns to */
        } else if (cmd == VIEW_CMD_CLOSE) {
            tui_pop_view(t);
            tui_message(t, 0, "Quiz skipped; press Q to take it any time.");
        }
        return DIRTY_ALL;
    case STAGE_QUESTION:
        return handle_question(t, qs, cmd, key);
    default:
        if (scroll_by(qs, cmd))
            ;
        else if (cmd == CMD_RETAKE)
            start_questions(qs);
        else if (cmd == CMD_INTRO)
            toggle_intro(qs);
        else if (cmd == VIEW_CMD_CLOSE)
            close_on_placement(t, qs);
        return DIRTY_ALL;
    }
}

const view_ops quiz_view = {"quiz", quiz_draw, quiz_handle, free, quiz_keys};

static void open_at(tui *t, quiz_stage stage)
{
    size_t n = t->ladder->n_questions;
    if (n == 0 || n > QUIZ_MAX_QUESTIONS) {
        tui_message(t, 1, "this ladder has no usable quiz (%zu questions)", n);
        return;
    }
    quiz_state *qs = calloc(1, sizeof *qs);
    if (!qs) { /* GCOVR_EXCL_START: calloc fails only when out of memory */
        tui_message(t, 1, "out of memory");
        return;
    } /* GCOVR_EXCL_STOP */
    start_questions(qs);
    qs->stage = stage;
    tui_push_view(t, &quiz_view, qs);
}

void quiz_view_open(tui *t)
{
    open_at(t, STAGE_QUESTION);
}

void quiz_view_offer(tui *t)
{
    if (t->model->profile.quiz_offered || ops_read_only(t->model))
        return; /* offered when the answers can be kept */
    if (ops_mark_quiz_offered(t->model)) {
        tui_message(t, 1, "%s", ops_error(t->model));
        return;
    }
    open_at(t, STAGE_OFFER);
}
