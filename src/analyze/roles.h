// Roles: who holds which office or function, for which country or organisation, current or
// former — from titles before names ("Defence Minister X"), appositions ("X, head of the
// Ukrainian delegation"), "led by"/"headed by"/"represented by", "aide to", and phrases that
// imply an office-holder ("the X administration" claims X heads that government then).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analyze/entities.h"
#include "core/fact.h"

namespace crosscheck {

struct Role {
  Span span;                 // the words that state the role (title + name, apposition...)
  int sentence = -1;
  int person = -1;           // entity index (ArticleFacts/EntityResult::entities)
  std::string office;        // normalised office: "defence minister", "president", "head of delegation"
  std::string of;            // canonical country/organisation the office is for ("Ukraine"), "" if unstated
  bool former = false;       // "former", "ex-", "then-" ... said of this person's office
  bool implied = false;      // from "the X administration" and the like
};

std::vector<Role> FindRoles(std::string_view text, const std::vector<Span>& sentences, const EntityResult& entities);

}  // namespace crosscheck
