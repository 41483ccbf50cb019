#include "mock/azure_errors.hpp"

#include <nlohmann/json.hpp>

#include "mock/json_diff.hpp"

namespace gwlint::mock {

namespace {

struct Shape {
  const char* code;
  std::string message;
};

Shape shape_for(int status, int retry_after_ms) {
  switch (status) {
    case 400:
      return {"BadRequest", "The request is invalid."};
    case 401:
      return {"401",
              "Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key "
              "for an active subscription and use a correct regional API endpoint for your resource."};
    case 404:
      return {"DeploymentNotFound",
              "The API deployment for this resource does not exist. If you created the deployment within the last 5 "
              "minutes, please wait a moment and try again."};
    case 429:
      return {"429",
              "Requests to the ChatCompletions_Create Operation under Azure OpenAI API version preview have "
              "exceeded token rate limit of your current OpenAI S0 pricing tier. Please retry after " +
                  std::to_string(retry_after_seconds(retry_after_ms)) +
                  " seconds. Please go here: https://aka.ms/oai/quotaincrease if you would like to further "
                  "increase the default rate limit."};
    case 500:
      return {"InternalServerError", "The server had an error while processing your request. Sorry about that!"};
    case 503:
      return {"ServiceUnavailable",
              "The service is temporarily unable to process your request. Please try again later."};
    default:
      return {nullptr, "The service answered with status " + std::to_string(status) + "."};
  }
}

}  // namespace

int retry_after_seconds(int retry_after_ms) {
  if (retry_after_ms <= 0) return 0;
  return (retry_after_ms + 999) / 1000;
}

ErrorResponse azure_error_response(const Fault& fault, const recording::Headers& recorded,
                                   const std::string& request_id) {
  ErrorResponse out;
  out.status = fault.status >= 100 && fault.status <= 999 ? fault.status : 500;
  Shape shape = shape_for(out.status, fault.retry_after_ms);
  std::string code = !fault.error_code.empty() ? fault.error_code
                     : shape.code              ? std::string(shape.code)
                                               : std::to_string(out.status);
  out.body = dump_json({{"error", {{"code", code}, {"message", shape.message}}}});

  auto recorded_or = [&](const char* name, const std::string& fallback) {
    const std::string* value = recording::find_header(recorded, name);
    return value ? *value : fallback;
  };
  out.headers.push_back({"content-type", "application/json"});
  out.headers.push_back({"apim-request-id", recorded_or("apim-request-id", request_id)});
  out.headers.push_back({"x-request-id", recorded_or("x-request-id", request_id)});
  out.headers.push_back({"x-ms-region", recorded_or("x-ms-region", "East US 2")});
  if (out.status == 429) {
    int ms = fault.retry_after_ms > 0 ? fault.retry_after_ms : 0;
    out.headers.push_back({"retry-after", std::to_string(retry_after_seconds(ms))});
    out.headers.push_back({"retry-after-ms", std::to_string(ms)});
  }
  return out;
}

}  // namespace gwlint::mock
