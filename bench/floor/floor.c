/* The floor: the least work any handbook builder must do. Single-threaded, it reads every .md
 * file under a folder, skips the front matter, parses it with libcmark-gfm (GFM extensions and
 * footnotes on), renders HTML and writes it to the mirrored path in the output folder.
 * No templates, no checks, no navigation.
 *
 *   cc -O2 floor.c $(pkg-config --cflags --libs libcmark-gfm) -o floor
 *   ./floor SITE/content OUT
 */
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *extensions[] = {"table", "strikethrough", "autolink", "tagfilter", "tasklist"};
static long pages = 0;

static void make_dirs(char *path) {
    for (char *p = path + 1; *p; p++) {
        if (*p == '/') {
            *p = 0;
            mkdir(path, 0755);
            *p = '/';
        }
    }
}

static const char *skip_front_matter(const char *text) {
    if (strncmp(text, "---\n", 4) != 0) return text;
    const char *end = strstr(text + 4, "\n---\n");
    return end ? end + 5 : text;
}

static void convert(const char *in, const char *out) {
    FILE *f = fopen(in, "rb");
    if (!f) { perror(in); exit(1); }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = malloc(size + 1);
    if (fread(text, 1, size, f) != (size_t)size) { perror(in); exit(1); }
    text[size] = 0;
    fclose(f);

    const char *body = skip_front_matter(text);
    cmark_parser *parser = cmark_parser_new(CMARK_OPT_FOOTNOTES);
    for (size_t i = 0; i < sizeof extensions / sizeof *extensions; i++)
        cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(extensions[i]));
    cmark_parser_feed(parser, body, strlen(body));
    cmark_node *doc = cmark_parser_finish(parser);
    char *html = cmark_render_html(doc, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser));

    char path[4096];
    snprintf(path, sizeof path, "%s", out);
    make_dirs(path);
    FILE *o = fopen(out, "wb");
    if (!o) { perror(out); exit(1); }
    fputs(html, o);
    fclose(o);
    free(html);
    cmark_node_free(doc);
    cmark_parser_free(parser);
    free(text);
    pages++;
}

static void walk(const char *in, const char *out) {
    DIR *dir = opendir(in);
    if (!dir) { perror(in); exit(1); }
    struct dirent *entry;
    while ((entry = readdir(dir))) {
        if (entry->d_name[0] == '.') continue;
        char child_in[4096], child_out[4096];
        snprintf(child_in, sizeof child_in, "%s/%s", in, entry->d_name);
        struct stat st;
        if (stat(child_in, &st) != 0) continue;
        if (S_ISDIR(st.st_mode)) {
            snprintf(child_out, sizeof child_out, "%s/%s", out, entry->d_name);
            walk(child_in, child_out);
        } else {
            size_t n = strlen(entry->d_name);
            if (n < 3 || strcmp(entry->d_name + n - 3, ".md") != 0) continue;
            snprintf(child_out, sizeof child_out, "%s/%.*s/index.html", out, (int)(n - 3), entry->d_name);
            convert(child_in, child_out);
        }
    }
    closedir(dir);
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: floor CONTENT_DIR OUT_DIR\n");
        return 2;
    }
    cmark_gfm_core_extensions_ensure_registered();
    mkdir(argv[2], 0755);
    walk(argv[1], argv[2]);
    printf("floor: %ld pages\n", pages);
    return 0;
}
