import Foundation
import PCHTTP
import Testing

/// Recorded replies under Fixtures/responses (see its README), with the
/// status and headers they came with.
enum ResponseFixtures {
    static func bytes(_ name: String) throws -> [UInt8] {
        let fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let url = fixtures.appendingPathComponent("responses").appendingPathComponent(name)
        return Array(try Data(contentsOf: url))
    }

    static func response(_ name: String, status: Int, headers: [(String, String)] = []) throws -> HTTPResponse {
        HTTPResponse(status: status, headers: headers.map { HTTPHeader($0.0, $0.1) }, body: try bytes(name))
    }
}
