import PCConfig
import PCDiagnostics

/// A module's inputs and outputs tables, built from its own `variable` and
/// `output` blocks: what `pcplan docs` prints and keeps in a README.
///
/// The tables follow `terraform-docs markdown table`, which module users
/// already know: inputs with Name, Description, Type, Default and Required
/// (`n/a` as the default of a required input), sorted by name as
/// terraform-docs sorts by default; outputs with Name and Description, and a
/// Sensitive column when any output is sensitive. Types are the type
/// expressions as written, on one line in the canonical style; defaults are
/// PCL literals; a sensitive variable's default is `(sensitive)`. The same
/// module always gives the same bytes.
struct ModuleDocs: Sendable, Equatable {
    struct Input: Sendable, Equatable {
        var name: String
        var description: String?
        /// One line of PCL: `string`, `list(object({ name = string }))`.
        var type: String
        /// One line of PCL, `(sensitive)`, or nil when the input is required.
        var defaultValue: String?

        var isRequired: Bool { defaultValue == nil }
    }

    struct Output: Sendable, Equatable {
        var name: String
        var description: String?
        var isSensitive: Bool
    }

    /// Sorted by name.
    var inputs: [Input]
    /// Sorted by name.
    var outputs: [Output]

    /// What the default of a sensitive variable shows instead of its value.
    static let sensitiveDefault = "(sensitive)"

    init(inputs: [Input], outputs: [Output]) {
        self.inputs = inputs.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        self.outputs = outputs.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
    }

    /// The tables of `module`'s own declarations; the modules it calls do
    /// not appear.
    init(module: Module) {
        let inputs = module.variables.values.map { variable in
            Input(
                name: variable.name,
                description: variable.description,
                type: variable.typeExpression.map { CompactExpression.render($0, in: variable.file) } ?? "any",
                defaultValue: variable.defaultValue.map { expression in
                    variable.isSensitive ? Self.sensitiveDefault : DefaultValueText.render(expression, in: variable.file)
                })
        }
        let outputs = module.outputs.values.map { output in
            Output(name: output.name, description: output.description, isSensitive: output.isSensitive)
        }
        self.init(inputs: inputs, outputs: outputs)
    }

    /// One warning naming every variable and output without a description
    /// (the tables are only as useful as their descriptions), pointing at
    /// the first in source order; nil when all have one.
    static func missingDescriptions(in module: Module) -> Diagnostic? {
        var missing: [(name: String, file: SourceFile, range: SourceRange)] = []
        for variable in module.variables.values where isBlank(variable.description) {
            missing.append(("var.\(variable.name)", variable.file, variable.nameRange))
        }
        for output in module.outputs.values where isBlank(output.description) {
            missing.append(("output.\(output.name)", output.file, firstLine(of: output.range, in: output.file)))
        }
        guard !missing.isEmpty else { return nil }
        missing.sort { ($0.file.path, $0.range.start) < ($1.file.path, $1.range.start) }
        let names = missing.map(\.name).joined(separator: ", ")
        let cells = missing.count == 1 ? "Its Description cell is" : "Their Description cells are"
        return Diagnostic(
            .warning, code: .docsMissingDescription,
            summary: missing.count == 1 ? "Missing description" : "Missing descriptions",
            detail: "No description for \(names). \(cells) empty; add description = \"…\" saying what each is for.",
            file: missing[0].file, subject: missing[0].range)
    }

    /// A block's range cut at its first line end: `output "name" {`.
    private static func firstLine(of range: SourceRange, in file: SourceFile) -> SourceRange {
        let bytes = file.bytes
        var end = Int(range.start)
        while end < Int(range.end), end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
        return SourceRange(Int(range.start), end)
    }

    private static func isBlank(_ text: String?) -> Bool {
        text?.allSatisfy { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" } ?? true
    }

    /// The two tables as Markdown, ending with a newline.
    var markdown: String {
        var lines = ["## Inputs", ""]
        if inputs.isEmpty {
            lines.append("No inputs.")
        } else {
            lines.append(Self.row(["Name", "Description", "Type", "Default", "Required"]))
            lines.append("|------|-------------|------|---------|:--------:|")
            for input in inputs {
                lines.append(Self.row([
                    MarkdownCell.code(input.name),
                    MarkdownCell.text(input.description ?? ""),
                    MarkdownCell.code(input.type),
                    input.defaultValue.map(MarkdownCell.code) ?? "n/a",
                    input.isRequired ? "yes" : "no",
                ]))
            }
        }
        lines += ["", "## Outputs", ""]
        if outputs.isEmpty {
            lines.append("No outputs.")
        } else {
            let showsSensitive = outputs.contains(where: \.isSensitive)
            lines.append(Self.row(["Name", "Description"] + (showsSensitive ? ["Sensitive"] : [])))
            lines.append("|------|-------------|" + (showsSensitive ? ":---------:|" : ""))
            for output in outputs {
                var cells = [MarkdownCell.code(output.name), MarkdownCell.text(output.description ?? "")]
                if showsSensitive { cells.append(output.isSensitive ? "yes" : "no") }
                lines.append(Self.row(cells))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// An empty cell is written `| |`, not with two spaces, so the row
    /// reads the same in an editor that trims trailing whitespace.
    private static func row(_ cells: [String]) -> String {
        "|" + cells.map { $0.isEmpty ? " |" : " \($0) |" }.joined()
    }
}
