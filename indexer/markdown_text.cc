#include "markdown_text.h"

#include <cmark.h>

#include <cstdlib>
#include <memory>

namespace copsearch {

namespace {
struct NodeFree {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct IterFree {
  void operator()(cmark_iter* i) const { cmark_iter_free(i); }
};

bool is_block(cmark_node_type t) {
  return t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING || t == CMARK_NODE_ITEM ||
         t == CMARK_NODE_CODE_BLOCK || t == CMARK_NODE_BLOCK_QUOTE || t == CMARK_NODE_THEMATIC_BREAK;
}
}  // namespace

std::string markdown_to_text(std::string_view markdown) {
  std::unique_ptr<cmark_node, NodeFree> root(cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT));
  std::unique_ptr<cmark_iter, IterFree> it(cmark_iter_new(root.get()));
  std::string out;
  for (cmark_event_type ev; (ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(it.get());
    const cmark_node_type type = cmark_node_get_type(node);
    if (ev == CMARK_EVENT_ENTER) {
      switch (type) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
          if (const char* lit = cmark_node_get_literal(node)) out += lit;
          break;
        case CMARK_NODE_CODE_BLOCK:  // a leaf block: no exit event follows
          if (const char* lit = cmark_node_get_literal(node)) out += lit;
          out += '\n';
          break;
        case CMARK_NODE_SOFTBREAK:
          out += ' ';
          break;
        case CMARK_NODE_LINEBREAK:
          out += '\n';
          break;
        default:
          break;
      }
    } else if (ev == CMARK_EVENT_EXIT && is_block(type)) {
      while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) out.pop_back();
      if (!out.empty()) out += '\n';
    }
  }
  return out;
}

std::string markdown_to_html(std::string_view markdown) {
  char* html = cmark_markdown_to_html(markdown.data(), markdown.size(), CMARK_OPT_SAFE);
  std::string out(html ? html : "");
  std::free(html);
  return out;
}

}  // namespace copsearch
