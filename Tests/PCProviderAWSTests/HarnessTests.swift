import Foundation
import Testing

/// The harness itself: moto starts with signature checking on, the
/// bootstrap yields a working key, reset replaces it, and a bad signature
/// is refused.
@Suite(.serialized, .motoServer)
struct MotoHarnessTests {
    let moto: MotoServer

    init() throws {
        moto = try MotoServer.forTest()
    }

    static let callerIdentity = "Action=GetCallerIdentity&Version=2011-06-15"
    static let wrongSecret = String(repeating: "w", count: 40)

    @Test func bootstrapGivesAnIAMUserKey() throws {
        let key = moto.credentials
        #expect(key.accessKeyID.hasPrefix("AKIA"))
        #expect(key.accessKeyID.count == 20)
        #expect(key.secretAccessKey.count == 40)
        #expect(moto.endpoint == "http://127.0.0.1:\(moto.port)")
    }

    @Test func aForgedSignatureIsRejected() throws {
        let reply = try SignedCall.send(
            port: moto.port, service: "sts", credentials: moto.credentials, body: Self.callerIdentity, secretOverride: Self.wrongSecret)
        #expect(reply.status == 403)
        #expect(reply.text.contains("SignatureDoesNotMatch"))
    }

    @Test func anUnknownKeyIsRejected() throws {
        let unknown = MotoCredentials(accessKeyID: "AKIAUNKNOWNKEY000000", secretAccessKey: Self.wrongSecret)
        let reply = try SignedCall.send(port: moto.port, service: "sts", credentials: unknown, body: Self.callerIdentity)
        #expect(reply.status == 403)
        #expect(reply.text.contains("InvalidClientTokenId"))
    }

    @Test func resetReplacesTheKeyAndKeepsCheckingOn() throws {
        let before = moto.credentials
        try moto.reset()
        let after = moto.credentials
        #expect(after.accessKeyID != before.accessKeyID)
        #expect(after.accessKeyID.hasPrefix("AKIA"))
        let old = try SignedCall.send(port: moto.port, service: "sts", credentials: before, body: Self.callerIdentity)
        #expect(old.status == 403)
        #expect(old.text.contains("InvalidClientTokenId"))
        let forged = try SignedCall.send(
            port: moto.port, service: "sts", credentials: after, body: Self.callerIdentity, secretOverride: Self.wrongSecret)
        #expect(forged.text.contains("SignatureDoesNotMatch"))
        let good = try SignedCall.send(port: moto.port, service: "sts", credentials: after, body: Self.callerIdentity)
        #expect(good.status == 200)
    }

    @Test func aSignedCallSucceedsAndReportsTheBootstrapUser() throws {
        let reply = try SignedCall.send(
            port: moto.port, service: "sts", credentials: moto.credentials, body: Self.callerIdentity)
        #expect(reply.status == 200, "\(reply.text)")
        #expect(MotoServer.xmlText("Account", in: reply.text) == MotoServer.accountID)
        #expect(MotoServer.xmlText("Arn", in: reply.text) == "arn:aws:iam::\(MotoServer.accountID):user/pcplan")
    }

    @Test func resetWipesTheBackends() throws {
        let body = "Action=CreateRole&Version=2010-05-08&RoleName=harness-probe&AssumeRolePolicyDocument=" + MotoServer.formEscape("{}")
        let created = try SignedCall.send(port: moto.port, service: "iam", credentials: moto.credentials, body: body)
        #expect(created.status == 200, "\(created.text)")
        let get = "Action=GetRole&Version=2010-05-08&RoleName=harness-probe"
        let found = try SignedCall.send(port: moto.port, service: "iam", credentials: moto.credentials, body: get)
        #expect(found.status == 200)
        try moto.reset()
        let gone = try SignedCall.send(port: moto.port, service: "iam", credentials: moto.credentials, body: get)
        #expect(gone.status == 404)
        #expect(gone.text.contains("NoSuchEntity"))
    }
}

/// Stopping is by process id and leaves nothing behind.
@Suite struct MotoLifecycleTests {
    @Test func stopKillsTheServer() throws {
        let moto = try MotoServer()
        let port = moto.port
        #expect(moto.isRunning)
        moto.stop()
        #expect(!moto.isRunning)
        #expect(throws: HarnessError.self) { try LoopbackHTTP.send(port: port, method: "GET", path: "/moto-api/", timeout: 2) }
        moto.stop()  // idempotent
    }

    @Test func aMissingServerFailsWithHowToInstallIt() {
        let error = #expect(throws: HarnessError.self) { try MotoServer(searchPath: "/nonexistent-pcplan-bin") }
        #expect(error?.message.hasPrefix("moto_server is not installed") == true)
        #expect(error?.message.contains("bash scripts/install-deps.sh --with-moto") == true)
    }

    @Test func thePortLineIsParsedOnlyWhenComplete() {
        #expect(MotoServer.port(inLog: "WARNING: …\n * Running on http://127.0.0.1:45123\nPress CTRL+C") == 45123)
        #expect(MotoServer.port(inLog: " * Running on http://127.0.0.1:451") == nil)
        #expect(MotoServer.port(inLog: "starting") == nil)
    }

    @Test func formEncodingMatchesMotosReEncoding() {
        #expect(MotoServer.formEscape("a b~c/d:e+f=g,{\"}") == "a+b~c%2Fd%3Ae%2Bf%3Dg%2C%7B%22%7D")
    }
}
