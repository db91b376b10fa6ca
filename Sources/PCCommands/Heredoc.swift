/// Heredocs as Terraform writes multi-line strings in `console` results and
/// state listings.
enum Heredoc {
    /// The delimiter for `lines`: `EOT`, lengthened with `_` until no line
    /// is the delimiter itself.
    static func delimiter(for lines: [Substring]) -> String {
        var delimiter = "EOT"
        while lines.contains(where: { $0 == delimiter }) { delimiter += "_" }
        return delimiter
    }
}
