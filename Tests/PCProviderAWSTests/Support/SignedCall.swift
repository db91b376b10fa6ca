import Foundation
import PCAWS
import PCHTTP

/// Raw Query calls to moto signed with PCAWS's `SigV4`, sent over the
/// harness's own loopback client: for harness tests that must not depend on
/// the AWS client under test.
enum SignedCall {
    /// Signs a form POST to 127.0.0.1:`port` for `service` and sends it.
    /// `secretOverride` signs with another secret (a wrong-key test).
    static func send(
        port: Int, service: String, credentials: MotoCredentials, body: String, region: String = "us-east-1",
        secretOverride: String? = nil, host: String? = nil
    ) throws(HarnessError) -> LoopbackHTTP.Response {
        var request = HTTPRequest(
            method: "POST", url: "http://127.0.0.1:\(port)/",
            headers: [HTTPHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")] + (host.map { [HTTPHeader("Host", $0)] } ?? []),
            body: Array(body.utf8))
        let signing = AWSCredentials(
            accessKeyID: credentials.accessKeyID, secretAccessKey: secretOverride ?? credentials.secretAccessKey, source: "the test harness")
        SigV4.sign(&request, credentials: signing, region: region, service: service, date: Date(), signPayloadHash: false)
        return try LoopbackHTTP.send(
            port: port, method: request.method, path: "/", headers: request.headers.map { ($0.name, $0.value) }, body: request.body)
    }
}
