#pragma once
// The error answers the `status` fault puts in place of a recorded response, shaped like Azure
// OpenAI's own (DOMAIN.md §5), so clients parse them the way they would parse the real thing.
#include <string>

#include "mock/mock_server.hpp"
#include "recording/recording.hpp"

namespace gwlint::mock {

struct ErrorResponse {
  int status = 500;
  recording::Headers headers;  // content-type, apim-request-id, x-request-id, x-ms-region (+ retry-*)
  std::string body;
};

// `recorded` supplies the request ids when it has them, so a faulted answer still correlates with
// the recording; `request_id` is used otherwise.
ErrorResponse azure_error_response(const Fault& fault, const recording::Headers& recorded,
                                   const std::string& request_id);

// "retry-after" is whole seconds: rounded up so a client honouring it never retries early.
int retry_after_seconds(int retry_after_ms);

}  // namespace gwlint::mock
