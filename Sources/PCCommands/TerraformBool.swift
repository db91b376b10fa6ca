import ArgumentParser

/// A boolean option value spelled as Go's `strconv.ParseBool` accepts it,
/// which is what Terraform users type: `true`, `false`, `1`, `0`, `t`, `f`,
/// in any of the usual cases.
struct TerraformBool: ExpressibleByArgument, Sendable, Equatable, CustomStringConvertible {
    var value: Bool

    init(_ value: Bool) { self.value = value }

    init?(argument: String) {
        switch argument {
        case "1", "t", "T", "true", "TRUE", "True": value = true
        case "0", "f", "F", "false", "FALSE", "False": value = false
        default: return nil
        }
    }

    var description: String { value ? "true" : "false" }
    var defaultValueDescription: String { description }
    static var allValueStrings: [String] { ["true", "false"] }
}
