// AZ206 apiversion-invalid: an Azure `apiVersion` that is neither a date version nor a value of
// the v1 API, or a date that cannot exist. A well-formed date that Microsoft never published is a
// warning. The suggestion names the nearest valid form (no autofix: it may not be what was meant).
#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "config/value_source.hpp"
#include "lint/rule.hpp"
#include "lint/text_utils.hpp"
#include "lint/value_helpers.hpp"
#include "rules/azure/url_parts.hpp"
#include "rules/data/api_versions.hpp"
#include "rules/data/model_ids.hpp"

namespace gwlint {
namespace {

using data::ApiVersionShape;

const char* const kMonthNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};

std::string join_codes(const std::vector<std::string_view>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + as_code(items[i]);
  return out;
}

bool is_known(std::string_view version) {
  return data::find_azure_api_version(version) != nullptr;
}

// Published versions whose date starts with `year_month` ("2024-10").
std::vector<std::string_view> versions_in_month(std::string_view year_month) {
  std::vector<std::string_view> found;
  for (const data::ApiVersion& v : data::azure_api_versions()) {
    if (v.version.substr(0, 7) == year_month) found.push_back(v.version);
  }
  return found;
}

std::string two_digits(int n) {
  return (n < 10 ? "0" : "") + std::to_string(n);
}

// Why a date-shaped YYYY-MM-DD cannot exist, as a parenthesis-free clause.
std::string impossible_reason(std::string_view date) {
  int year = std::stoi(std::string(date.substr(0, 4)));
  int month = std::stoi(std::string(date.substr(5, 2)));
  if (month < 1 || month > 12) return "there is no month " + std::string(date.substr(5, 2));
  int last = 31;
  for (int day = 31; day >= 28; --day) {
    CivilDate probe;
    if (parse_civil_date(std::string(date.substr(0, 8)) + two_digits(day), probe)) {
      last = day;
      break;
    }
  }
  return std::string(kMonthNames[month - 1]) + " " + std::to_string(year) + " has " + std::to_string(last) + " days";
}

struct Guess {
  std::string form;  // the nearest valid value, or empty
  std::string note;  // why, or what else is worth knowing
};

// Reads a date out of separators and digit runs: `2024/10/21`, `20241021`, `2024-1-5`, `21.10.2024`.
Guess guess_date(std::string_view text, bool preview) {
  std::vector<std::string> runs;
  for (size_t i = 0; i < text.size();) {
    if (std::isdigit(static_cast<unsigned char>(text[i]))) {
      size_t j = i;
      while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) ++j;
      runs.emplace_back(text.substr(i, j - i));
      i = j;
    } else if (std::string_view("-/._ ").find(text[i]) != std::string_view::npos) {
      ++i;
    } else {
      return {};  // letters other than "preview": not a date written differently
    }
  }
  int y = 0, m = 0, d = 0;
  auto num = [](const std::string& s) { return std::stoi(s); };
  if (runs.size() == 1 && runs[0].size() == 8) {
    y = num(runs[0].substr(0, 4)), m = num(runs[0].substr(4, 2)), d = num(runs[0].substr(6, 2));
  } else if (runs.size() == 3 && runs[0].size() == 4 && runs[1].size() <= 2 && runs[2].size() <= 2) {
    y = num(runs[0]), m = num(runs[1]), d = num(runs[2]);
  } else if (runs.size() == 3 && runs[2].size() == 4 && runs[0].size() <= 2 && runs[1].size() <= 2) {
    int a = num(runs[0]), b = num(runs[1]);
    if (a > 12 && b <= 12) {
      d = a, m = b;
    } else if (b > 12 && a <= 12) {
      m = a, d = b;
    } else {
      return {};  // 05/06/2024: day and month cannot be told apart
    }
    y = num(runs[2]);
  } else if (runs.size() == 2 && runs[0].size() == 4 && runs[1].size() <= 2) {
    std::string month = runs[0] + "-" + two_digits(num(runs[1]));
    std::vector<std::string_view> known = versions_in_month(month);
    if (known.empty()) return {};
    return {std::string(known.back()), "versions published that month: " + join_codes(known)};
  } else {
    return {};
  }
  std::string date = std::to_string(y) + "-" + two_digits(m) + "-" + two_digits(d);
  CivilDate civil;
  if (y < 1000 || !parse_civil_date(date, civil)) return {"", date + " is not a real date"};
  std::string form = date + (preview ? "-preview" : "");
  if (is_known(form)) return {form, ""};
  std::string other = preview ? date : date + "-preview";
  if (is_known(other)) return {form, as_code(form) + " was never published, but " + as_code(other) + " was"};
  return {form, as_code(form) + " is not a published version either"};
}

Guess guess_intended(std::string_view text) {
  size_t first = text.find_first_not_of(" \t\r\n");
  size_t last = text.find_last_not_of(" \t\r\n");
  std::string trimmed(first == std::string_view::npos ? std::string_view() : text.substr(first, last - first + 1));
  if (trimmed != text && data::parse_api_version(trimmed).shape != ApiVersionShape::Malformed) {
    return {trimmed, "without the surrounding whitespace"};
  }
  std::string lower = ascii_lower(trimmed);
  if (data::is_azure_api_version_alias(lower)) return {lower, "the values are lower case"};
  while (!lower.empty() && (lower.front() == '/' || lower.back() == '/')) {
    lower.erase(lower.front() == '/' ? 0 : lower.size() - 1, 1);
  }
  // v1.0, 1, 1.0.0, /v1/: the v1 API's own name, written like a version number.
  if (lower.empty()) return {};
  std::string digits = lower[0] == 'v' ? lower.substr(1) : lower;
  if (digits == "1" || digits == "1.0" || digits == "1.0.0") return {"v1", ""};
  if (lower == "ga" || lower == "stable" || lower == "current") return {"latest", "`latest` is the current GA API"};
  // 2024-10-21T00:00:00Z: a YAML timestamp, re-emitted by a tool that parsed the date.
  if (lower.size() > 10 && (lower[10] == 't' || lower[10] == ' ') &&
      data::parse_api_version(lower.substr(0, 10)).shape == ApiVersionShape::Dated) {
    return {lower.substr(0, 10), "without the time"};
  }
  size_t preview_at = lower.find("preview");
  bool preview = preview_at != std::string::npos;
  if (preview) lower.erase(preview_at, 7);
  if (lower.find_first_of("0123456789") == std::string::npos) return preview ? Guess{"preview", ""} : Guess{};
  // 2.0.43, 1.2: the version of an SDK or package, not of the API.
  if (!preview && std::count(digits.begin(), digits.end(), '.') >= 1 &&
      digits.find_first_not_of("0123456789.") == std::string::npos) {
    return {"", as_code(trimmed) + " looks like a package (SDK) version"};
  }
  return guess_date(lower, preview);
}

// What to say about the endpoint: the v1 endpoint takes no dated version at all.
std::string endpoint_advice(AzureEndpoint endpoint) {
  if (endpoint == AzureEndpoint::V1) {
    return "this block calls the v1 endpoint, which accepts only `preview`, `latest` or `v1`: use `preview` (the "
           "Portal's default) or remove the key";
  }
  return "use `preview` (the Portal's default), `v1` or `latest`; a dated version such as `" +
         std::string(data::latest_ga_api_version()) + "` only behind a gateway that speaks the deployment-style API";
}

class ApiversionInvalid final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo info{"AZ206", "apiversion-invalid", Severity::Error, "",
                               "`apiVersion` is not `YYYY-MM-DD`, `YYYY-MM-DD-preview`, `preview`, `latest` or `v1`"};
    return info;
  }

  void check(const RuleInput& input, FindingSink& sink) const override {
    if (!input.gateway) return;
    for (const ProviderConfig& provider : input.gateway->providers) {
      if (provider.id == "azure") check_provider(provider, sink);
    }
  }

 private:
  static void check_provider(const ProviderConfig& azure, FindingSink& sink) {
    const Node* node = azure.field("apiVersion");
    if (!is_literal_string(node)) return;
    // A malformed `${VAR` is ENV502's; its text says nothing about the version.
    if (!scan_env_references(node->scalar).empty()) return;
    const std::string& text = node->scalar;
    AzureEndpoint endpoint = azure_endpoint_of(azure);
    data::ParsedApiVersion parsed = data::parse_api_version(text);
    switch (parsed.shape) {
      case ApiVersionShape::Alias:
        return;
      case ApiVersionShape::Dated:
      case ApiVersionShape::DatedPreview:
        if (!is_known(text)) report_unknown(node, text, parsed, endpoint, sink);
        return;
      case ApiVersionShape::ImpossibleDate: {
        Finding& finding = sink.report(node, as_code(text) + " is not a real date (" + impossible_reason(parsed.date) +
                                                 "), so it is not an Azure OpenAI api-version");
        std::vector<std::string_view> known = versions_in_month(parsed.date.substr(0, 7));
        std::string advice = endpoint_advice(endpoint);
        finding.suggestion = known.empty() || endpoint == AzureEndpoint::V1
                                 ? advice
                                 : "versions published that month: " + join_codes(known) + "; or " + advice;
        return;
      }
      case ApiVersionShape::Malformed:
        report_malformed(node, text, endpoint, sink);
        return;
    }
  }

  static void report_unknown(const Node* node, const std::string& text, const data::ParsedApiVersion& parsed,
                             AzureEndpoint endpoint, FindingSink& sink) {
    std::string message = as_code(text) + " is not a known Azure OpenAI api-version";
    if (const data::ModelVersion* model = data::find_model_version(text)) {
      message += ": it is the model version of " + std::string(model->models) + ", not an API version";
    } else {
      message += "; Azure rejects a version it never published";
    }
    Finding& finding = sink.report(node, message);
    finding.severity = Severity::Warning;  // the table may lag behind Microsoft: well-formed is only suspicious
    std::string other = parsed.shape == ApiVersionShape::DatedPreview ? parsed.date : parsed.date + "-preview";
    std::vector<std::string_view> known = versions_in_month(parsed.date.substr(0, 7));
    std::string hint;
    if (is_known(other)) {
      hint = "did you mean " + as_code(other) + "? Or ";
    } else if (!known.empty()) {
      hint = "versions published that month: " + join_codes(known) + "; or ";
    }
    // On the v1 endpoint any date is wrong, so pointing at another date would mislead.
    finding.suggestion = endpoint == AzureEndpoint::V1 ? endpoint_advice(endpoint) : hint + endpoint_advice(endpoint);
  }

  static void report_malformed(const Node* node, const std::string& text, AzureEndpoint endpoint, FindingSink& sink) {
    const std::string rejected = "; Azure rejects every request that sends it";
    std::string message;
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
      message = "`apiVersion` is empty, which is not an Azure OpenAI api-version" + rejected;
    } else if (const data::ModelVersion* model = data::find_model_version(text)) {
      message = as_code(text) + " is the model version of " + std::string(model->models) +
                ", not an Azure OpenAI api-version" + rejected;
    } else if (data::match_model_id(text)) {
      message = as_code(text) + " is a model id, not an Azure OpenAI api-version" + rejected;
    } else {
      message = as_code(text) +
                " is not a valid Azure OpenAI api-version (`YYYY-MM-DD`, `YYYY-MM-DD-preview`, `preview`, `latest` "
                "or `v1`)" +
                rejected;
    }
    Finding& finding = sink.report(node, message);
    Guess guess = guess_intended(text);
    std::string advice = endpoint_advice(endpoint);
    if (guess.form.empty()) {
      finding.suggestion = guess.note.empty() ? advice : guess.note + "; " + advice;
      return;
    }
    std::string suggestion = "did you mean " + as_code(guess.form) + "?";
    if (!guess.note.empty()) suggestion += " (" + guess.note + ")";
    if (!data::is_azure_api_version_alias(guess.form)) {
      if (endpoint == AzureEndpoint::V1) {
        suggestion += " But " + advice;
      } else if (!is_known(guess.form)) {
        suggestion += " Or " + advice;
      }
    }
    finding.suggestion = suggestion;
  }
};

}  // namespace
GWLINT_REGISTER_RULE(ApiversionInvalid);
}  // namespace gwlint
