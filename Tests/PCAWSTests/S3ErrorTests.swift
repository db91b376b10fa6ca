import Foundation
import PCHTTP
import Testing

@testable import PCAWS

/// How S3 failures are sorted into `S3Error` for the backend (wrong bucket
/// setting, lost conditional write, anything else) and which are retried,
/// against a scripted transport.
@Suite struct S3ErrorTests {
    /// The scripted client and reply builders of the client's own tests.
    typealias Fixture = S3ClientTests

    static let preconditionMessage = "At least one of the pre-conditions you specified did not hold"

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        var name: String
        var reply: HTTPResponse
        var call: @Sendable (S3Client) throws(S3Error) -> Void
        var check: @Sendable (S3Error) -> Bool
        var text: String
        var testDescription: String { name }
    }

    static let errorCases: [ErrorCase] = [
        ErrorCase(
            name: "HeadBucket 404", reply: Fixture.ok(status: 404), call: { s3 throws(S3Error) in try s3.headBucket("pc-x") },
            check: { if case .noSuchBucket("pc-x", "eu-west-1", let e) = $0 { e.code == "NoSuchBucket" } else { false } },
            text: "S3 bucket \"pc-x\" does not exist (s3 HeadBucket in region eu-west-1: NoSuchBucket); "
                + "create it first, or correct the bucket name"),
        ErrorCase(
            name: "HeadBucket 301 naming the region", reply: Fixture.ok([("x-amz-bucket-region", "us-west-2")], status: 301),
            call: { s3 throws(S3Error) in try s3.headBucket("pc-x") },
            check: {
                if case .wrongRegion("pc-x", "eu-west-1", "us-west-2", let e) = $0 { e?.code == "PermanentRedirect" } else { false }
            },
            text: "S3 bucket \"pc-x\" is in region us-west-2, not in eu-west-1"),
        ErrorCase(
            name: "HeadBucket 400 naming the region", reply: Fixture.ok([("x-amz-bucket-region", "us-west-2")], status: 400),
            call: { s3 throws(S3Error) in try s3.headBucket("pc-x") },
            check: { if case .wrongRegion(_, _, "us-west-2", _) = $0 { true } else { false } },
            text: "set the region to \"us-west-2\""),
        ErrorCase(
            name: "HeadBucket 200 from another region", reply: Fixture.ok([("x-amz-bucket-region", "us-west-2")]),
            call: { s3 throws(S3Error) in try s3.headBucket("pc-x") },
            check: { $0 == .wrongRegion(bucket: "pc-x", region: "eu-west-1", bucketRegion: "us-west-2", nil) },
            text: "S3 bucket \"pc-x\" is in region us-west-2, not in eu-west-1; set the region to \"us-west-2\""),
        ErrorCase(
            name: "HeadBucket 403", reply: Fixture.ok(status: 403), call: { s3 throws(S3Error) in try s3.headBucket("pc-x") },
            check: { if case .accessDenied("pc-x", nil, let e) = $0 { e.httpStatus == 403 } else { false } },
            text: "(credentials from the test, access key AKIDEXAMPLE)"),
        ErrorCase(
            name: "GetObject 301 PermanentRedirect",
            reply: Fixture.s3Error(
                "PermanentRedirect", "The bucket you are attempting to access must be addressed using the specified endpoint.",
                status: 301, headers: [("x-amz-bucket-region", "ap-south-1")]),
            call: { s3 throws(S3Error) in _ = try s3.getObject("pc-x", "k") },
            check: { if case .wrongRegion(_, _, "ap-south-1", let e) = $0 { e?.code == "PermanentRedirect" } else { false } },
            text: "is in region ap-south-1"),
        ErrorCase(
            name: "AuthorizationHeaderMalformed",
            reply: Fixture.s3Error(
                "AuthorizationHeaderMalformed",
                "The authorization header is malformed; the region 'eu-west-1' is wrong; expecting 'us-east-2'", status: 400),
            call: { s3 throws(S3Error) in _ = try s3.listObjects("pc-x") },
            check: { if case .wrongRegion(_, "eu-west-1", "us-east-2", _) = $0 { true } else { false } },
            text: "set the region to \"us-east-2\""),
        ErrorCase(
            name: "PutObject 412", reply: Fixture.s3Error("PreconditionFailed", preconditionMessage, status: 412),
            call: { s3 throws(S3Error) in try s3.putObject("pc-x", "lock", [1], condition: .ifNoneMatchAny) },
            check: { if case .preconditionFailed("pc-x", "lock", .ifNoneMatchAny, let e) = $0 { e.httpStatus == 412 } else { false } },
            text: "s3 PutObject of s3://pc-x/lock was refused: its condition If-None-Match: * (the object must not exist yet) "
                + "did not hold (PreconditionFailed), so nothing was written"),
        ErrorCase(
            name: "PutObject 409 ConditionalRequestConflict",
            reply: Fixture.s3Error(
                "ConditionalRequestConflict", "A conflicting conditional operation is currently in progress", status: 409),
            call: { s3 throws(S3Error) in try s3.putObject("pc-x", "state", [1], condition: .ifMatch("\"e1\"")) },
            check: {
                guard case .preconditionFailed(_, _, .ifMatch("\"e1\""), let e) = $0 else { return false }
                return e.code == "ConditionalRequestConflict"
            },
            text: "If-Match: \"e1\""),
        ErrorCase(
            name: "PutObject If-Match on a missing key",
            reply: Fixture.s3Error("NoSuchKey", "The specified key does not exist.", status: 404),
            call: { s3 throws(S3Error) in try s3.putObject("pc-x", "state", [1], condition: .ifMatch("e1")) },
            check: { $0.isPreconditionFailure },
            text: "did not hold (NoSuchKey)"),
        ErrorCase(
            name: "PutObject 412 without a condition stays an AWS error",
            reply: Fixture.s3Error("PreconditionFailed", preconditionMessage, status: 412),
            call: { s3 throws(S3Error) in try s3.putObject("pc-x", "state", [1]) },
            check: { if case .aws(let e) = $0 { e.code == "PreconditionFailed" } else { false } },
            text: "s3 PutObject: PreconditionFailed"),
        ErrorCase(
            name: "PutObject AccessDenied", reply: Fixture.s3Error("AccessDenied", "Access Denied", status: 403),
            call: { s3 throws(S3Error) in try s3.putObject("pc-x", "state", [1]) },
            check: { if case .accessDenied("pc-x", "state", _) = $0 { true } else { false } },
            text: "access to object \"state\" in S3 bucket \"pc-x\" was denied (s3 PutObject: AccessDenied: Access Denied "
                + "(credentials from the test, access key AKIDEXAMPLE))"),
        ErrorCase(
            name: "ListObjectsV2 NoSuchBucket",
            reply: Fixture.s3Error("NoSuchBucket", "The specified bucket does not exist", status: 404),
            call: { s3 throws(S3Error) in _ = try s3.listObjects("pc-x") },
            check: { if case .noSuchBucket("pc-x", _, _) = $0 { true } else { false } },
            text: "S3 bucket \"pc-x\" does not exist (s3 ListObjectsV2 in region eu-west-1: NoSuchBucket)"),
        ErrorCase(
            name: "InvalidAccessKeyId",
            reply: Fixture.s3Error(
                "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.", status: 403),
            call: { s3 throws(S3Error) in _ = try s3.getObject("pc-x", "k") },
            check: { if case .aws(let e) = $0 { e.code == "InvalidAccessKeyId" } else { false } },
            text: "(credentials from the test, access key AKIDEXAMPLE)"),
    ]

    @Test(arguments: errorCases) func failuresAreSortedForTheBackend(_ test: ErrorCase) throws {
        let script = Fixture.Script([test.reply])
        let s3 = Fixture.client(script, maxAttempts: 3)
        do throws(S3Error) {
            try test.call(s3)
            Issue.record("\(test.name): no error")
        } catch {
            #expect(test.check(error), "\(test.name): \(error)")
            #expect(error.description.contains(test.text), "\(test.name): \(error.description)")
            #expect(!error.description.contains(Fixture.credentials.secretAccessKey))
        }
        #expect(script.requests.count == 1, "redirects and refusals are not retried")
    }

    @Test func conditionalWritesAreRetriedOnlyWhenNothingCanHaveHappened() throws {
        let serverError = Fixture.s3Error("InternalError", "We encountered an internal error. Please try again.", status: 500)
        let written = Fixture.ok([("ETag", "\"e\"")])

        let plain = Fixture.Script([serverError, written])
        try Fixture.client(plain, maxAttempts: 3).putObject("pc-x", "k", [1])
        #expect(plain.requests.count == 2)

        // The 500 may have come after the write: repeating an If-None-Match
        // write that took effect would report a conflict with itself.
        let conditional = Fixture.Script([serverError, written])
        #expect(throws: S3Error.self) {
            try Fixture.client(conditional, maxAttempts: 3).putObject("pc-x", "k", [1], condition: .ifNoneMatchAny)
        }
        #expect(conditional.requests.count == 1)

        let throttled = Fixture.Script([Fixture.s3Error("SlowDown", "Please reduce your request rate.", status: 503), written])
        try Fixture.client(throttled, maxAttempts: 3).putObject("pc-x", "k", [1], condition: .ifNoneMatchAny)
        #expect(throttled.requests.count == 2)
    }
}
