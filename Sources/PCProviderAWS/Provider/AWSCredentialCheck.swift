import PCAWS
import PCProvider

/// The check made when the provider is configured: one STS
/// GetCallerIdentity, which every valid key may call whatever its
/// permissions. A rejected key fails here, before planning, with where the
/// key came from and what to fix.
enum AWSCredentialCheck {
    /// Codes that mean "these credentials are not valid", as opposed to
    /// "STS could not be asked".
    static let rejectionCodes: Set<String> = [
        "InvalidClientTokenId", "SignatureDoesNotMatch", "UnrecognizedClientException", "InvalidSignatureException",
        "AuthFailure", "ExpiredToken", "ExpiredTokenException", "AccessDenied", "IncompleteSignature", "MissingAuthenticationToken",
    ]

    static func verify(_ api: AWSClient) throws(ProviderError) {
        do {
            _ = try api.callerIdentity()
        } catch {
            throw diagnostic(for: error, credentials: api.credentials, endpoint: try? api.endpoint(for: .sts))
        }
    }

    static func diagnostic(for error: AWSError, credentials: AWSCredentials, endpoint: AWSEndpoint?) -> ProviderError {
        let source = credentials.source
        let key = credentials.accessKeyID
        let reason = "\(error.code): \(firstSentence(error.message))"
        guard rejectionCodes.contains(error.code) else {
            let whereTo = endpoint.map { " at \($0.url) (from \($0.source))" } ?? ""
            return ProviderError(
                "Could not check the AWS credentials",
                detail: "Asking STS\(whereTo) who the credentials from \(source) (access key \(key)) belong to failed: \(reason)\(reason.hasSuffix(".") ? "" : ".") "
                    + "Check the network and the sts endpoint, or set skip_credentials_validation = true in the provider block to skip this check.")
        }
        let check: String
        switch error.code {
        case "SignatureDoesNotMatch", "InvalidSignatureException", "IncompleteSignature":
            check = "check that the secret key belongs to access key \(key) (a copy-paste slip or a rotated key)"
        case "InvalidClientTokenId", "UnrecognizedClientException", "AuthFailure":
            check = "check the access key id: AWS does not know \(key) (deleted, or from another partition or endpoint)"
        case "ExpiredToken", "ExpiredTokenException":
            check = "the session token has expired: get fresh temporary credentials"
        default:
            check = "check the credentials and their permissions"
        }
        return ProviderError(
            "The AWS credentials were rejected",
            detail: "The AWS credentials from \(source) were rejected: \(reason); \(check).")
    }

    /// AWS messages can run long; the first sentence says it. The client's
    /// own notes in parentheses (source, key) are dropped: the diagnostic
    /// says those itself.
    private static func firstSentence(_ message: String) -> String {
        var text = message
        if let note = text.range(of: " (credentials from ") { text = String(text[..<note.lowerBound]) }
        if let stop = text.range(of: ". ") { text = String(text[..<stop.lowerBound]) + "." }
        return text
    }
}
