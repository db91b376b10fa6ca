import PCAWS
import PCLang
import PCProvider

extension ProviderError {
    /// A failed AWS call in the user's words: `doing` says what pcplan was
    /// doing, as a phrase that reads after "while" (`creating ECS cluster
    /// "web"`). The summary names the action; the detail carries AWS's code,
    /// message and request id, plus what to do for the errors that have an
    /// obvious remedy.
    ///
    /// Pass `createdObject` (the state so far) when the object was created
    /// but a later step failed: the applier records it as tainted so the
    /// next plan replaces it instead of losing track of it.
    init(_ error: AWSError, while doing: String, attribute: ValuePath? = nil, createdObject: Value? = nil) {
        var detail = "\(error.description)."
        if let hint = ProviderError.hint(for: error) { detail += "\n" + hint }
        self.init(
            doing.prefix(1).uppercased() + doing.dropFirst() + " failed", detail: detail, attribute: attribute,
            createdObject: createdObject)
    }

    /// What a user can do about the common failures.
    static func hint(for error: AWSError) -> String? {
        switch error.code {
        case "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnauthorizedAccess":
            return "The credentials are valid but not allowed to call \(error.service):\(error.operation). "
                + "Grant that permission to the IAM user or role, or use other credentials."
        case "InvalidClientTokenId", "UnrecognizedClientException", "AuthFailure":
            return "AWS does not know this access key. Check the provider's access_key, AWS_ACCESS_KEY_ID or the profile in use."
        case "SignatureDoesNotMatch", "InvalidSignatureException":
            return "The secret key does not belong to the access key. Check the provider's secret_key, "
                + "AWS_SECRET_ACCESS_KEY or the profile in use."
        case "ExpiredToken", "ExpiredTokenException", "RequestExpired":
            return "The session token has expired (or the machine's clock is wrong). Get fresh credentials and run again."
        case "NotImplemented":
            return "The endpoint answered with an HTML error page: it does not implement this operation. "
                + "Against a local endpoint (moto), avoid this operation; against AWS, check the endpoint settings."
        case "RequestError":
            return "No reply came from AWS. Check the network, proxy settings (HTTPS_PROXY, NO_PROXY) and the provider's endpoints."
        case "WaitTimeout":
            return "AWS did not reach the expected state in time. The object may still get there: run plan again to see where it stands."
        default:
            if error.isThrottling {
                return "AWS kept throttling the requests. Wait a little and run again, or raise the provider's max_retries."
            }
            return nil
        }
    }
}
