/* How long libcmark-gfm alone takes on one repeated unit of Markdown, parsed the way Playbook
 * parses a page (GFM extensions and footnotes on). It measures the shape Playbook refuses as
 * `markdown.brackets`: `![[]()` repeated keeps every `![` open, and each link walks over all of
 * them, so the time grows with the square of the length.
 *
 *   cc -O2 bench/brackets.c $(pkg-config --cflags --libs libcmark-gfm) -lcmark-gfm-extensions -o brackets
 *   ./brackets '![[]()' 80000        # 480 KB
 */
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: brackets UNIT COUNT\n");
        return 64;
    }
    const char *unit = argv[1];
    long count = atol(argv[2]);
    size_t length = strlen(unit);
    char *text = malloc(length * count + 1);
    for (long i = 0; i < count; i++) memcpy(text + i * length, unit, length);
    text[length * count] = 0;
    cmark_gfm_core_extensions_ensure_registered();
    const char *names[] = {"table", "strikethrough", "autolink", "tagfilter", "tasklist"};
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    cmark_parser *parser = cmark_parser_new(CMARK_OPT_FOOTNOTES | CMARK_OPT_UNSAFE);
    for (int i = 0; i < 5; i++) cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(names[i]));
    cmark_parser_feed(parser, text, length * count);
    cmark_node *root = cmark_parser_finish(parser);
    clock_gettime(CLOCK_MONOTONIC, &end);
    printf("%s x %ld (%zu bytes): %.3f s\n", unit, count, length * count,
           (end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9);
    cmark_node_free(root);
    cmark_parser_free(parser);
    free(text);
    return 0;
}
