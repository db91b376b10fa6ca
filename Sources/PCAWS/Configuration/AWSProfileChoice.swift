import Foundation

/// Which shared-files profile applies, and whether the user asked for it:
/// a profile named in the provider block or `AWS_PROFILE` must exist, while
/// the implicit `default` may be absent.
struct AWSProfileChoice: Sendable, Equatable {
    var name: String
    /// "the provider block (profile)" or "AWS_PROFILE"; nil for the implicit
    /// `default`.
    var origin: String?

    init(_ settings: AWSSettings, environment: AWSEnvironment) {
        if let profile = settings.profile?.trimmingCharacters(in: .whitespaces), !profile.isEmpty {
            name = profile
            origin = "the provider block (profile)"
        } else if let profile = environment.value("AWS_PROFILE") {
            name = profile
            origin = "AWS_PROFILE"
        } else {
            name = "default"
            origin = nil
        }
    }

    /// The section header a user would write for this profile in `kind`.
    func sectionHeader(in kind: AWSSharedConfigFile.Kind) -> String {
        kind == .credentials || name == "default" ? "[\(name)]" : "[profile \(name)]"
    }
}
