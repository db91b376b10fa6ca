import PCDiagnostics

/// The second pass over a template: matches `%{if}`/`%{else}`/`%{endif}`
/// and `%{for}`/`%{endfor}` and builds the parts tree.
extension SyntaxParser {
    private enum TemplateScope {
        case root
        case ifTrue(SourceRange)
        case ifFalse(SourceRange)
        case forBody(SourceRange)
    }

    mutating func buildTemplate(_ pieces: [TemplatePiece], range: SourceRange) -> SyntaxExpression.Template {
        var index = 0
        let parts = buildParts(pieces, &index, scope: .root).parts
        return SyntaxParser.template(parts, emptyAt: range.start, range: range)
    }

    private static func template(_ parts: [SyntaxExpression], emptyAt offset: UInt32, range: SourceRange? = nil) -> SyntaxExpression.Template {
        guard let first = parts.first, let last = parts.last else {
            let empty = SourceRange.empty(at: offset)
            return SyntaxExpression.Template(parts: [.literal(SyntaxExpression.Literal(value: .string(""), range: empty))], range: range ?? empty)
        }
        return SyntaxExpression.Template(parts: parts, range: range ?? first.range.union(last.range))
    }

    /// Collects parts until a directive that ends `scope` (left for the
    /// caller, returned as `stop`) or the end of the pieces.
    private mutating func buildParts(
        _ pieces: [TemplatePiece], _ index: inout Int, scope: TemplateScope
    ) -> (parts: [SyntaxExpression], stop: TemplatePiece?) {
        var parts: [SyntaxExpression] = []
        while index < pieces.count {
            let piece = pieces[index]
            switch piece {
            case .literal(let value, let range):
                parts.append(.literal(SyntaxExpression.Literal(value: .string(value), range: range)))
                index += 1
            case .interpolation(let expression, _):
                parts.append(expression)
                index += 1
            case .ifOpen(let condition, let range):
                index += 1
                parts.append(buildIf(pieces, &index, condition: condition, ifRange: range))
            case .forOpen(let key, let value, let collection, let range):
                index += 1
                parts.append(buildFor(pieces, &index, key: key, value: value, collection: collection, forRange: range))
            case .elseMark(let range), .endIfMark(let range), .endForMark(let range):
                if SyntaxParser.ends(scope, piece) { return (parts, piece) }
                reportStray(piece, in: scope)
                parts.append(.invalid(range))
                index += 1
            }
        }
        return (parts, nil)
    }

    private static func ends(_ scope: TemplateScope, _ piece: TemplatePiece) -> Bool {
        switch (scope, piece) {
        case (.ifTrue, .elseMark), (.ifTrue, .endIfMark), (.ifFalse, .endIfMark), (.forBody, .endForMark): true
        default: false
        }
    }

    private mutating func reportStray(_ piece: TemplatePiece, in scope: TemplateScope) {
        switch piece {
        case .elseMark(let range):
            let detail: String
            switch scope {
            case .ifFalse(let open): detail = "The %{if} at line \(line(of: open)) already has an %{else}. Remove this one, or close the first with %{endif}."
            case .forBody(let open): detail = "A %{for} directive has no else clause. Close the %{for} at line \(line(of: open)) with %{endfor} before this %{else}."
            default: detail = "This %{else} has no %{if} before it. Add the %{if}, or remove the %{else}."
            }
            reportStray("else", detail: detail, at: range)
        case .endIfMark(let range):
            if case .forBody(let open) = scope {
                reportStray("endif", detail: "Expected %{endfor} to close the %{for} at line \(line(of: open)) before this %{endif}.", at: range)
            } else {
                reportStray("endif", detail: "This %{endif} has no %{if} before it. Add the %{if}, or remove the %{endif}.", at: range)
            }
        case .endForMark(let range):
            switch scope {
            case .ifTrue(let open), .ifFalse(let open):
                reportStray("endfor", detail: "Expected %{endif} to close the %{if} at line \(line(of: open)) before this %{endfor}.", at: range)
            default:
                reportStray("endfor", detail: "This %{endfor} has no %{for} before it. Add the %{for}, or remove the %{endfor}.", at: range)
            }
        default:
            break
        }
    }

    private mutating func buildIf(
        _ pieces: [TemplatePiece], _ index: inout Int, condition: SyntaxExpression, ifRange: SourceRange
    ) -> SyntaxExpression {
        guard descend() else {
            reportTooDeep(at: ifRange)
            return .invalid(SourceRange(start: ifRange.start, end: SyntaxParser.skipDirective(pieces, &index, from: ifRange)))
        }
        defer { ascend() }
        let (trueParts, stop) = buildParts(pieces, &index, scope: .ifTrue(ifRange))
        var falseResult: SyntaxExpression.Template?
        var end = trueParts.last?.range.end ?? ifRange.end
        var closed = false
        if case .elseMark(let elseRange)? = stop {
            index += 1
            let (falseParts, finalStop) = buildParts(pieces, &index, scope: .ifFalse(ifRange))
            falseResult = SyntaxParser.template(falseParts, emptyAt: elseRange.end)
            end = falseParts.last?.range.end ?? elseRange.end
            if case .endIfMark(let endRange)? = finalStop {
                index += 1
                end = endRange.end
                closed = true
            }
        } else if case .endIfMark(let endRange)? = stop {
            index += 1
            end = endRange.end
            closed = true
        }
        if !closed {
            report(
                .unexpectedEndOfTemplate,
                detail: "This %{if} directive has no matching %{endif}. Add %{endif} where its conditional text ends.",
                at: ifRange)
            recovering = true  // the directives around it are unclosed for the same reason
        }
        return .templateIf(SyntaxExpression.TemplateIf(
            condition: condition,
            trueResult: SyntaxParser.template(trueParts, emptyAt: ifRange.end),
            falseResult: falseResult, ifRange: ifRange,
            range: SourceRange(start: ifRange.start, end: end)))
    }

    private mutating func buildFor(
        _ pieces: [TemplatePiece], _ index: inout Int,
        key: String?, value: String, collection: SyntaxExpression, forRange: SourceRange
    ) -> SyntaxExpression {
        guard descend() else {
            reportTooDeep(at: forRange)
            return .invalid(SourceRange(start: forRange.start, end: SyntaxParser.skipDirective(pieces, &index, from: forRange)))
        }
        defer { ascend() }
        let (bodyParts, stop) = buildParts(pieces, &index, scope: .forBody(forRange))
        var end = bodyParts.last?.range.end ?? forRange.end
        if case .endForMark(let endRange)? = stop {
            index += 1
            end = endRange.end
        } else {
            report(
                .unexpectedEndOfTemplate,
                detail: "This %{for} directive has no matching %{endfor}. Add %{endfor} where the repeated text ends.",
                at: forRange)
            recovering = true  // the directives around it are unclosed for the same reason
        }
        return .templateFor(SyntaxExpression.TemplateFor(
            keyVariable: key, valueVariable: value, collection: collection,
            body: SyntaxParser.template(bodyParts, emptyAt: forRange.end),
            forRange: forRange, range: SourceRange(start: forRange.start, end: end)))
    }

    /// Skips, without recursion, the pieces of a directive too deep to
    /// build, through its matching end; returns where it ends.
    private static func skipDirective(_ pieces: [TemplatePiece], _ index: inout Int, from range: SourceRange) -> UInt32 {
        var nesting = 0
        var end = range.end
        while index < pieces.count {
            let piece = pieces[index]
            index += 1
            switch piece {
            case .ifOpen(_, let range), .forOpen(_, _, _, let range):
                nesting += 1
                end = range.end
            case .endIfMark(let range), .endForMark(let range):
                end = range.end
                if nesting == 0 { return end }
                nesting -= 1
            case .literal(_, let range), .interpolation(_, let range), .elseMark(let range):
                end = range.end
            }
        }
        return end
    }

    private mutating func reportStray(_ directive: String, detail: String, at range: SourceRange) {
        report(
            .unexpectedTemplateDirective, summary: "Unexpected \(directive) directive",
            detail: detail, at: range, always: true)
    }

    private func line(of range: SourceRange) -> Int {
        file.position(at: range.start).line
    }

    mutating func reportTooDeep(at range: SourceRange) {
        report(
            .nestingTooDeep,
            detail: "This template directive is nested more than \(SyntaxParser.maximumDepth) levels deep, which is more than pcplan supports. Split the template up.",
            at: range)
    }
}
