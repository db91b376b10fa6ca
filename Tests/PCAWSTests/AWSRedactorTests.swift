import PCAWS
import PCHTTP
import Testing

@Suite struct AWSRedactorTests {
    static let secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
    static let token = "FwoGZXIvYXdzEBYaDHqa0AP1/TOKEN+VALUE=="

    @Test func authorizationKeepsScopeButNotSignature() {
        let value = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, "
            + "SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7"
        let shown = AWSRedactor.headerValue(name: "authorization", value: value)
        #expect(shown == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, "
            + "SignedHeaders=content-type;host;x-amz-date, Signature=<redacted>")
        #expect(AWSRedactor.headerValue(name: "Authorization", value: "Bearer abc") == "<redacted>")
        #expect(AWSRedactor.headerValue(name: "X-Amz-Security-Token", value: Self.token) == "<redacted>")
        #expect(AWSRedactor.headerValue(name: "X-Amz-Target", value: "secretsmanager.CreateSecret") == "secretsmanager.CreateSecret")
    }

    @Test(arguments: [
        "SecretString", "SecretBinary", "SecretAccessKey", "SessionToken", "Password", "secret_key", "SECRET-KEY",
        "NewPassword", "OldPassword", "MasterUserPassword", "INSTALL_BUNDLE",
    ])
    func secretNames(name: String) {
        #expect(AWSRedactor.isSecretName(name))
    }

    @Test(arguments: ["SecretId", "Name", "NextToken", "ClientToken", "AccessKeyId", "RoleName", "Value", "UserName"])
    func ordinaryNames(name: String) {
        #expect(!AWSRedactor.isSecretName(name))
    }

    @Test func formBodies() {
        let body = "Action=CreateLoginProfile&Version=2010-05-08&UserName=pcplan&Password=hunter2%21"
            + "&Parameters.member.1.SecretString=abc&SecretId=keep"
        #expect(AWSRedactor.form(body) == "Action=CreateLoginProfile&Version=2010-05-08&UserName=pcplan&Password=<redacted>"
            + "&Parameters.member.1.SecretString=<redacted>&SecretId=keep")
    }

    @Test func jsonBodies() throws {
        let body = #"""
            {"Name":"pcplan/prisma/install-bundle","SecretString":"s3cr3t-value","Nested":{"secret_key":"k","list":[{"Password":"p"}]},
             "containerDefinitions":[{"environment":[{"name":"INSTALL_BUNDLE","value":"bundle-bytes"},{"name":"LOG_LEVEL","value":"debug"}]}],
             "Parameter":{"Type":"SecureString","Value":"decrypted-value","Name":"/db/pass-param"}}
            """#
        let shown = try #require(AWSRedactor.json(Array(body.utf8)))
        for secret in ["s3cr3t-value", "\"k\"", "\"p\"", "bundle-bytes", "decrypted-value"] {
            #expect(!shown.contains(secret), "\(secret) leaked")
        }
        for kept in ["pcplan/prisma/install-bundle", "LOG_LEVEL", "debug", "/db/pass-param"] {
            #expect(shown.contains(kept))
        }
    }

    @Test func xmlBodiesFromARecordedCreateAccessKey() throws {
        let bytes = try ResponseFixtures.bytes("moto-iam-create-access-key.xml")
        let recordedSecret = "vZhuoxWo4se4OwdhrGYmXa3inWzole1E7bJAPqoS"
        #expect(String(decoding: bytes, as: UTF8.self).contains(recordedSecret), "the fixture holds the secret")
        let shown = AWSRedactor.body(bytes, contentType: "text/xml")
        #expect(!shown.contains(recordedSecret))
        #expect(shown.contains("<SecretAccessKey><redacted></SecretAccessKey>"))
        #expect(shown.contains("<AccessKeyId>AKIARZPUZDIKFHNUUS4J</AccessKeyId>"))
    }

    @Test func xmlWithPrefixesCDATAAndAttributes() {
        let xml = #"<r><a:SessionToken x="1"><![CDATA[tok<en]]>tail</a:SessionToken><Password/><Other>keep</Other></r>"#
        let shown = AWSRedactor.xml(xml)
        #expect(shown == #"<r><a:SessionToken x="1"><redacted></a:SessionToken><Password/><Other>keep</Other></r>"#)
    }

    @Test func unreadableBodiesAreNotShown() {
        #expect(AWSRedactor.body(Array(#"{"SecretString": "abc""#.utf8), contentType: "application/json")
            == "<22 bytes of unreadable JSON, not shown>")
        #expect(AWSRedactor.body(Array("raw SecretString=abc".utf8), contentType: "application/octet-stream")
            == "<20 bytes, not shown>")
        #expect(AWSRedactor.body([], contentType: nil) == "")
    }

    @Test func longBodiesAreCut() {
        let body = "Action=X&Data=" + String(repeating: "a", count: 20_000)
        let shown = AWSRedactor.body(Array(body.utf8), contentType: AWSRequestBuilder.formContentType)
        #expect(shown.hasSuffix("… (\(body.utf8.count - 16 * 1024) more bytes)"))
    }

    @Test func logEntriesNeverContainSecrets() {
        let request = HTTPRequest(
            method: "POST", url: "https://secretsmanager.us-east-1.amazonaws.com/",
            headers: [
                HTTPHeader("Content-Type", "application/x-amz-json-1.1"),
                HTTPHeader("X-Amz-Target", "secretsmanager.CreateSecret"),
                HTTPHeader("X-Amz-Security-Token", Self.token),
                HTTPHeader("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/secretsmanager/aws4_request, "
                    + "SignedHeaders=host;x-amz-date, Signature=deadbeefcafe0123456789"),
            ],
            body: Array(#"{"Name":"n","SecretString":"\#(Self.secret)"}"#.utf8))
        let entry = AWSDebugLogEntry.request(request, service: "secretsmanager", operation: "CreateSecret", attempt: 1, maxAttempts: 5)
        #expect(entry.hasPrefix("AWS request: secretsmanager CreateSecret (attempt 1 of 5)\nPOST https://secretsmanager.us-east-1.amazonaws.com/\n"))
        for secret in [Self.secret, Self.token, "deadbeefcafe0123456789"] {
            #expect(!entry.contains(secret))
        }
        #expect(entry.contains("X-Amz-Target: secretsmanager.CreateSecret"))
        #expect(entry.contains(#""Name":"n""#))

        let response = HTTPResponse(
            status: 200, headers: [HTTPHeader("Content-Type", "text/html; charset=utf-8")],
            body: Array(#"{"Name":"n","SecretString":"\#(Self.secret)","VersionId":"v1"}"#.utf8))
        let replyEntry = AWSDebugLogEntry.response(
            response, service: "secretsmanager", operation: "GetSecretValue", attempt: 2, maxAttempts: 5, seconds: 0.0421)
        #expect(replyEntry.hasPrefix("AWS response: secretsmanager GetSecretValue (attempt 2 of 5): HTTP 200 after 0.042 s\n"))
        #expect(!replyEntry.contains(Self.secret))
        #expect(replyEntry.contains(#""VersionId":"v1""#))
    }
}
