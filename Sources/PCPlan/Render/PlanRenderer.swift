import PCLang
import PCProvider

/// Plans as people read them.
///
/// - `terminal`: Terraform's plan layout and vocabulary (`+ ~ - -/+ +/- <=`,
///   `# forces replacement`, `(known after apply)`, `(sensitive value)`,
///   unchanged attributes counted, JSON strings as `jsonencode(…)` diffs),
///   with "pcplan" for "Terraform" in its sentences.
/// - `markdown`: a pull-request comment: a summary, destroys and
///   replacements under a warning, one collapsible diff per resource, JSON
///   documents diffed by path, all within a size budget.
///
/// Both return text and print nothing; sensitive values never appear.
public enum PlanRenderer {
    /// Finds the schema of a change's resource or data source type, so that
    /// nested blocks render as `block {` rather than as attributes. Without
    /// it, every part of a resource renders as an attribute.
    public typealias SchemaLookup = @Sendable (ResourceChange) -> ResourceSchema?

    /// The plan as `terraform plan` shows it. The text starts with a blank
    /// line and ends with a newline, as Terraform's does after its
    /// "Refreshing state..." lines.
    ///
    /// - Parameters:
    ///   - color: ANSI colours (green create, yellow update, red destroy,
    ///     cyan read), exactly where Terraform puts them.
    ///   - width: terminal columns for wrapping sentences; Terraform uses
    ///     78 when the output is not a terminal.
    ///   - schemas: resource schemas, for nested blocks.
    public static func terminal(
        _ plan: Plan, color: Bool, width: Int = 78, schemas: SchemaLookup? = nil
    ) -> String {
        TerminalPlanLayout(style: RenderStyle(color: color, markers: false), width: width, schemas: schemas)
            .render(plan)
    }

    /// The plan as markdown for a pull request, never longer than
    /// `maxCharacters` (counted as GitHub counts them, in UTF-16 code
    /// units) unless the summary and the bare list of addresses alone are
    /// longer, which the document then says at its top. See
    /// `MarkdownPlanLayout` for the format.
    public static func markdown(
        _ plan: Plan, maxCharacters: Int = 60_000, schemas: SchemaLookup? = nil
    ) -> String {
        MarkdownPlanLayout(maxCharacters: maxCharacters, schemas: schemas).render(plan)
    }
}
