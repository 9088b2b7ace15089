/* commands.h — one function per subcommand; each returns the exit status
 * (0 clean, 1 findings at the fail level, 2 usage or system error). */
#ifndef PROMISE_COMMANDS_H
#define PROMISE_COMMANDS_H

int cmd_lint(int argc, char **argv);
int cmd_rules(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_lsp(int argc, char **argv);
int cmd_list(int argc, char **argv);
int cmd_agenda(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_init(int argc, char **argv);
int cmd_fmt(int argc, char **argv);

/* Shared by the commands: today's date from --today, else PROMISE_TODAY,
 * else the local clock. Returns 0, or prints why and returns 2. */
#include <stdint.h>
int cli_today(const char *arg, int32_t *today);
/* The version, "1.2.3" (main.c). */
extern const char cli_version[];
/* Print `promise: MESSAGE` to stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
