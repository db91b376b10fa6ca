import PCDiagnostics

/// What a traversal starts from: a bare name (a scope traversal) or any
/// other expression.
enum TraversalBase {
    case root(name: String, range: SourceRange)
    case expression(SyntaxExpression)

    var start: UInt32 {
        switch self {
        case .root(_, let range): range.start
        case .expression(let expression): expression.range.start
        }
    }
}

/// Attribute access, indexing, legacy `.0` indexes and splats.
///
/// Steps with constant keys accumulate in one array and become a single
/// traversal node; only a non-constant index or a splat wraps what came
/// before, and each wrap counts against the nesting limit because it
/// deepens the tree.
extension SyntaxParser {
    mutating func parseTraversals(from start: TraversalBase) -> SyntaxExpression {
        var base = start
        var steps: [TraversalStep] = []
        var wraps = 0
        defer { depth -= wraps }
        let rangeStart = start.start

        loop: while true {
            let token = peek()
            switch token.kind {
            case .dot:
                let dot = read()
                let next = peek()
                switch next.kind {
                case .identifier:
                    read()
                    steps.append(.attribute(name: text(of: next), range: dot.range.union(next.range)))
                case .number:
                    read()
                    steps.append(legacyIndex(dot: dot, number: next, inSplat: false))
                case .star:
                    let source = SyntaxParser.materialize(base, steps, end: dot.range.start)
                    steps = []
                    guard descend() else {
                        reportTooDeep(at: next)
                        skipExpression()
                        return .invalid(SourceRange(start: rangeStart, end: previousEnd))
                    }
                    wraps += 1
                    let star = read()
                    let marker = dot.range.union(star.range)
                    let each = parseAttributeSplatSteps(item: .splatItem(marker))
                    base = .expression(.splat(Splat(
                        kind: .attributeOnly, source: source, each: each, markerRange: marker,
                        range: SourceRange(start: rangeStart, end: previousEnd))))
                default:
                    report(
                        .invalidAttributeName,
                        detail: "A dot must be followed by an attribute name, as in var.name, or by * for a splat.",
                        at: next)
                    recovering = true
                    base = .expression(.invalid(SourceRange(start: rangeStart, end: dot.range.end)))
                    steps = []
                }
            case .openBracket:
                let open = read()
                if peekKind() == .star {
                    let star = read()
                    let close = peek()
                    if close.kind == .closeBracket {
                        read()
                    } else {
                        report(
                            .missingCloseBracket,
                            summary: "Missing close bracket on splat index",
                            detail: "A full splat is written [*]: the star must be followed directly by \"]\".",
                            at: close)
                        recover(to: .closeBracket)
                    }
                    let source = SyntaxParser.materialize(base, steps, end: open.range.start)
                    steps = []
                    guard descend() else {
                        reportTooDeep(at: star)
                        skipExpression()
                        return .invalid(SourceRange(start: rangeStart, end: previousEnd))
                    }
                    wraps += 1
                    let marker = SourceRange(start: open.range.start, end: previousEnd)
                    // Every following step applies to each element.
                    let each = parseTraversals(from: .expression(.splatItem(marker)))
                    base = .expression(.splat(Splat(
                        kind: .full, source: source, each: each, markerRange: marker,
                        range: SourceRange(start: rangeStart, end: previousEnd))))
                    continue loop
                }
                pushNewlines(false)
                let errorsBefore = errorCount
                let key = parseExpression()
                if recovering && errorCount > errorsBefore {
                    recover(to: .closeBracket)
                } else {
                    let close = peek()
                    if close.kind == .closeBracket {
                        read()
                    } else {
                        report(
                            .missingCloseBracket,
                            detail: "An index must end with \"]\". Add the closing bracket after the key.",
                            at: close)
                        recover(to: .closeBracket)
                    }
                }
                popNewlines()
                let bracketRange = SourceRange(start: open.range.start, end: previousEnd)
                if let constant = SyntaxParser.constantKey(key) {
                    steps.append(.index(key: constant, range: bracketRange))
                } else {
                    let collection = SyntaxParser.materialize(base, steps, end: open.range.start)
                    steps = []
                    guard descend() else {
                        reportTooDeep(at: open)
                        return .invalid(SourceRange(start: rangeStart, end: previousEnd))
                    }
                    wraps += 1
                    base = .expression(.index(Index(
                        collection: collection, key: key, bracketRange: bracketRange,
                        range: SourceRange(start: rangeStart, end: previousEnd))))
                }
            default:
                break loop
            }
        }
        return SyntaxParser.materialize(base, steps, end: previousEnd)
    }

    /// After `.*`: only `.name` and `.0` steps belong to each element.
    private mutating func parseAttributeSplatSteps(item: SyntaxExpression) -> SyntaxExpression {
        var steps: [TraversalStep] = []
        while peekKind() == .dot {
            let dot = read()
            let next = peek()
            if next.kind == .identifier {
                read()
                steps.append(.attribute(name: text(of: next), range: dot.range.union(next.range)))
            } else if next.kind == .number {
                read()
                steps.append(legacyIndex(dot: dot, number: next, inSplat: true))
            } else {
                if next.kind == .star {
                    report(
                        .nestedSplat,
                        detail: "An attribute-only splat (.*) cannot contain another splat. Use the full splat [*] for the outer one, or a for expression.",
                        at: next)
                } else {
                    report(
                        .invalidAttributeName,
                        detail: "A dot must be followed by an attribute name, as in var.name, or by * for a splat.",
                        at: next)
                }
                recovering = true
                break
            }
        }
        guard let first = steps.first, let last = steps.last else { return item }
        return .relativeTraversal(RelativeTraversal(
            source: item, steps: steps, range: first.range.union(last.range)))
    }

    /// `.0`, inherited from HIL. `foo.0.1` lexes `0.1` as one number, which
    /// cannot be two indexes, so it is rejected with the bracket spelling.
    private mutating func legacyIndex(dot: Token, number: Token, inSplat: Bool) -> TraversalStep {
        let range = dot.range.union(number.range)
        let text = text(of: number)
        if let point = text.firstIndex(of: ".") {
            let first = text[..<point], second = text[text.index(after: point)...]
            report(
                .invalidLegacyIndex,
                detail: "Two legacy indexes cannot be chained, because \"\(text)\" reads as one number. Use brackets instead: [\(first)][\(second)]\(inSplat ? ", with a full splat [*] before them" : "").",
                at: number)
            return .invalid(range: range)
        }
        guard let value = NumberLiteral(parsing: UnsafeBufferPointer(rebasing: bytes[number.start..<number.end])) else {
            report(
                .invalidNumberLiteral,
                detail: "This is not a valid number. Write digits with an optional fractional part and exponent, such as 12, 0.5 or 1.5e3.",
                at: number)
            return .invalid(range: range)
        }
        return .index(key: .number(value), range: range)
    }

    static func materialize(_ base: TraversalBase, _ steps: [TraversalStep], end: UInt32) -> SyntaxExpression {
        switch base {
        case .root(let name, let range):
            let end = steps.last?.range.end ?? range.end
            return .scopeTraversal(ScopeTraversal(
                root: name, rootRange: range, steps: steps, range: SourceRange(start: range.start, end: end)))
        case .expression(let expression):
            guard let last = steps.last else { return expression }
            if case .relativeTraversal(var traversal) = expression {
                traversal.steps += steps
                traversal.range.end = last.range.end
                return .relativeTraversal(traversal)
            }
            return .relativeTraversal(RelativeTraversal(
                source: expression, steps: steps,
                range: SourceRange(start: expression.range.start, end: last.range.end)))
        }
    }

    /// The key of an index that is a constant: a literal, or a string
    /// without interpolations. Such an index is a traversal step.
    static func constantKey(_ key: SyntaxExpression) -> LiteralValue? {
        switch key {
        case .literal(let literal):
            return literal.value
        case .template(let template):
            if template.parts.count == 1, case .literal(let literal) = template.parts[0],
               case .string = literal.value {
                return literal.value
            }
            return nil
        default:
            return nil
        }
    }
}
