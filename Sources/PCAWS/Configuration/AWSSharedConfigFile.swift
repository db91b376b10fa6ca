import Foundation

/// One parsed `~/.aws/credentials` or `~/.aws/config` file: profiles and
/// their `key = value` settings.
///
/// The format is the AWS CLI's INI dialect. Sections are `[name]` in the
/// credentials file and `[profile name]` in the config file (where `default`
/// may be written either way). Lines starting with `#` or `;` are comments,
/// and so is the rest of a line from a `#` or `;` that follows whitespace.
/// Keys are case-insensitive. An indented block under a key with no value
/// (`s3 =` then `  max_concurrent_requests = 10`) is a nested setting, which
/// pcplan does not use and skips.
struct AWSSharedConfigFile: Sendable, Equatable {
    enum Kind: Sendable {
        case credentials, config
    }

    /// Profile name → lower-cased key → value. Repeated sections merge, and a
    /// later value wins, as in the CLI.
    var profiles: [String: [String: String]]

    /// Parses `text`; `path` only names the file in errors. A line that is
    /// neither a section, a setting nor a comment is an error that gives its
    /// number but not its text, which could hold a secret.
    static func parse(_ text: String, kind: Kind, path: String) throws(AWSConfigurationError) -> AWSSharedConfigFile {
        var profiles: [String: [String: String]] = [:]
        var current: String?
        var nestedUnder: String?
        var lineNumber = 0
        // "\r\n" is one Character in Swift, so lines split on any newline.
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            let indented = line.first == " " || line.first == "\t"
            let content = strippingComment(line).trimmingCharacters(in: .whitespaces)
            if content.isEmpty { continue }

            if content.hasPrefix("[") {
                guard content.hasSuffix("]") else {
                    throw malformed(path: path, line: lineNumber, why: "a section header must end with ]")
                }
                let inner = content.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
                current = profileName(section: inner, kind: kind)
                if let current, profiles[current] == nil { profiles[current] = [:] }
                nestedUnder = nil
                continue
            }
            if indented, nestedUnder != nil { continue }
            guard let equals = content.firstIndex(of: "=") else {
                throw malformed(path: path, line: lineNumber, why: "expected key = value")
            }
            let key = content[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            let value = content[content.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty else {
                throw malformed(path: path, line: lineNumber, why: "a setting needs a name before =")
            }
            // Settings before the first section, or in a section that is not a
            // profile (`[sso-session x]`, `[services x]`), are not for us.
            guard let profile = current else { continue }
            nestedUnder = value.isEmpty ? key : nil
            if !value.isEmpty {
                profiles[profile, default: [:]][key] = value
            }
        }
        return AWSSharedConfigFile(profiles: profiles)
    }

    /// The profile a section header names, or nil for sections that are not
    /// profiles.
    private static func profileName(section: String, kind: Kind) -> String? {
        switch kind {
        case .credentials:
            return section
        case .config:
            if section == "default" { return "default" }
            let words = section.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard words.count == 2, words[0] == "profile" else { return nil }
            return String(words[1])
        }
    }

    private static func strippingComment(_ line: Substring) -> Substring {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        if trimmed.first == "#" || trimmed.first == ";" { return "" }
        var previous: Character = "x"
        for index in line.indices {
            let character = line[index]
            if (character == "#" || character == ";") && (previous == " " || previous == "\t") {
                return line[..<index]
            }
            previous = character
        }
        return line
    }

    private static func malformed(path: String, line: Int, why: String) -> AWSConfigurationError {
        AWSConfigurationError(
            summary: "Cannot read the AWS shared file \(path)",
            detail: "Line \(line) of \(path) is not understood: \(why). "
                + "The file must hold [section] headers and key = value lines; fix or remove that line.")
    }
}
