// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakejsm.h"

#include <atomic>
#include <memory>

namespace supportzip::testing::fakejsm {

FakeResponse jsmAnswer(const FakeRequest& r) {
    if (r.method == "GET" && r.path() == kLookupPath) {
        return FakeResponse::json(200, R"({"issueKey":"SUP-7","serviceDeskId":"12"})");
    }
    if (r.method == "POST" && r.path() == kUploadPath) {
        return FakeResponse::json(
            201,
            R"({"temporaryAttachments":[{"temporaryAttachmentId":"temp-81","fileName":"b.zip"}]})");
    }
    if (r.method == "POST" && r.path() == kAttachPath) {
        return FakeResponse::json(
            201, R"({"attachments":{"size":1,"values":[{"filename":"b.zip","_links":)"
                 R"({"self":"http://127.0.0.1/rest/api/2/attachment/10042"}}]}})");
    }
    return FakeResponse::json(404, R"({"errorMessage":"no such resource"})");
}

FakeHttpServer::Handler failing(const QByteArray& path, FakeResponse failure, int times) {
    auto count = std::make_shared<std::atomic<int>>(0);
    return [=](const FakeRequest& r) {
        if (r.path() == path && (times < 0 || count->fetch_add(1) < times)) {
            return failure;
        }
        return jsmAnswer(r);
    };
}

QList<FakeRequest> requestsTo(const FakeHttpServer& server, const QByteArray& path) {
    QList<FakeRequest> matching;
    for (const FakeRequest& r : server.requests()) {
        if (r.path() == path) {
            matching << r;
        }
    }
    return matching;
}

} // namespace supportzip::testing::fakejsm
