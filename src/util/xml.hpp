#pragma once

#include <pugixml.hpp>
#include <string_view>

namespace readaloud {

/// An element's name without its namespace prefix ("atom:entry" -> "entry").
/// Feeds and lexicons put their elements in prefixed namespaces or not, as
/// they please; comparing local names accepts both.
inline std::string_view xml_local_name(const pugi::xml_node& node) {
  std::string_view name = node.name();
  const auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

}  // namespace readaloud
