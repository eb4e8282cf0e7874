#ifndef DDBMODEL_CLIBEDIT_SHIM_H
#define DDBMODEL_CLIBEDIT_SHIM_H

/*
 * libedit's native API (histedit.h), plus one small wrapper per variadic call the Swift side
 * needs: Swift cannot call C variadic functions (el_set, el_get, history), and EL_HIST takes the
 * C function `history` itself as an argument, which only C can pass. The stdio accessors exist
 * because Swift 6 rejects any use of Glibc's mutable `stdin`/`stdout`/`stderr` globals.
 */

#include <stdio.h>
#include <histedit.h>

/* Callback types, named so the Swift side sees plain function-pointer types. */
typedef char *(*ddb_prompt_function)(EditLine *);
typedef unsigned char (*ddb_key_function)(EditLine *, int);

/* ---- Standard streams ---- */

static inline FILE *ddb_stdin(void) { return stdin; }
static inline FILE *ddb_stdout(void) { return stdout; }
static inline FILE *ddb_stderr(void) { return stderr; }

/* ---- el_set / el_get ---- */

/* `ignore` delimits non-printing sequences (colour codes) inside the prompt; 0 disables it. */
static inline int ddb_el_set_prompt(EditLine *el, ddb_prompt_function function, char ignore) {
    return el_set(el, EL_PROMPT_ESC, function, ignore);
}

static inline int ddb_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}

static inline int ddb_el_set_signal(EditLine *el, int handle) {
    return el_set(el, EL_SIGNAL, handle);
}

static inline int ddb_el_set_clientdata(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}

static inline void *ddb_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    if (el_get(el, EL_CLIENTDATA, &data) != 0) {
        return NULL;
    }
    return data;
}

static inline int ddb_el_set_history(EditLine *el, History *h) {
    return el_set(el, EL_HIST, history, h);
}

static inline int ddb_el_addfn(EditLine *el, const char *name, const char *help,
                               ddb_key_function function) {
    return el_set(el, EL_ADDFN, name, help, function);
}

/* Like the `bind` builtin; pass NULL for unused trailing arguments. */
static inline int ddb_el_bind(EditLine *el, const char *a, const char *b, const char *c) {
    return el_set(el, EL_BIND, a, b, c, NULL);
}

/* Like the `setty` builtin; pass NULL for unused trailing arguments. */
static inline int ddb_el_setty(EditLine *el, const char *a, const char *b, const char *c) {
    return el_set(el, EL_SETTY, a, b, c, NULL);
}

/* ---- history ---- */

static inline int ddb_history_setsize(History *h, int size) {
    HistEvent event;
    return history(h, &event, H_SETSIZE, size);
}

static inline int ddb_history_setunique(History *h, int unique) {
    HistEvent event;
    return history(h, &event, H_SETUNIQUE, unique);
}

static inline int ddb_history_enter(History *h, const char *line) {
    HistEvent event;
    return history(h, &event, H_ENTER, line);
}

static inline int ddb_history_load(History *h, const char *path) {
    HistEvent event;
    return history(h, &event, H_LOAD, path);
}

static inline int ddb_history_save(History *h, const char *path) {
    HistEvent event;
    return history(h, &event, H_SAVE, path);
}

#endif
