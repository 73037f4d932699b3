// SPDX-License-Identifier: GPL-3.0-or-later
// A scripted Jira Service Management for FakeHttpServer: request SUP-7 in service desk 12.
#pragma once

#include "fakehttpserver.h"

namespace supportzip::testing::fakejsm {

inline const QByteArray kLookupPath = "/rest/servicedeskapi/request/SUP-7";
inline const QByteArray kUploadPath = "/rest/servicedeskapi/servicedesk/12/attachTemporaryFile";
inline const QByteArray kAttachPath = "/rest/servicedeskapi/request/SUP-7/attachment";

// The three answers of a healthy JSM (temporary id "temp-81", attachment 10042); else 404.
FakeResponse jsmAnswer(const FakeRequest& request);

// Answers `path` with `failure` (the first `times` times, or always when times < 0), and
// everything else as jsmAnswer does.
FakeHttpServer::Handler failing(const QByteArray& path, FakeResponse failure, int times = -1);

QList<FakeRequest> requestsTo(const FakeHttpServer& server, const QByteArray& path);

} // namespace supportzip::testing::fakejsm
