import PCDiagnostics

/// Problems the parser reports, in alphabetical order. Summaries follow
/// Terraform's wording so its users recognise them; some call sites refine
/// the summary (for example naming the directive involved).
extension DiagnosticCode {
    public static let argumentDefinitionRequired = DiagnosticCode(
        "syntax.argument-definition-required", "Argument definition required")
    public static let argumentOrBlockRequired = DiagnosticCode(
        "syntax.argument-or-block-required", "Argument or block definition required")
    public static let extraCharactersAfterInterpolation = DiagnosticCode(
        "syntax.extra-characters-after-interpolation", "Extra characters after interpolation expression")
    public static let extraCharactersInDirective = DiagnosticCode(
        "syntax.extra-characters-in-directive", "Extra characters in template directive")
    public static let invalidArgumentName = DiagnosticCode(
        "syntax.invalid-argument-name", "Invalid argument name")
    public static let invalidAttributeName = DiagnosticCode(
        "syntax.invalid-attribute-name", "Invalid attribute name")
    public static let invalidBlockDefinition = DiagnosticCode(
        "syntax.invalid-block-definition", "Invalid block definition")
    public static let invalidCharacter = DiagnosticCode(
        "syntax.invalid-character", "Invalid character")
    public static let invalidCharacterEncoding = DiagnosticCode(
        "syntax.invalid-character-encoding", "Invalid character encoding")
    public static let invalidEscapeSequence = DiagnosticCode(
        "syntax.invalid-escape-sequence", "Invalid escape sequence")
    public static let invalidExpression = DiagnosticCode(
        "syntax.invalid-expression", "Invalid expression")
    public static let invalidForDirective = DiagnosticCode(
        "syntax.invalid-for-directive", "Invalid 'for' directive")
    public static let invalidForExpression = DiagnosticCode(
        "syntax.invalid-for-expression", "Invalid 'for' expression")
    public static let invalidLegacyIndex = DiagnosticCode(
        "syntax.invalid-legacy-index", "Invalid legacy index syntax")
    public static let invalidNumberLiteral = DiagnosticCode(
        "syntax.invalid-number-literal", "Invalid number literal")
    public static let invalidSingleLineBlock = DiagnosticCode(
        "syntax.invalid-single-line-block", "Invalid single-argument block definition")
    public static let invalidStringLiteral = DiagnosticCode(
        "syntax.invalid-string-literal", "Invalid string literal")
    public static let invalidTemplateControlKeyword = DiagnosticCode(
        "syntax.invalid-template-control-keyword", "Invalid template control keyword")
    public static let invalidTemplateDirective = DiagnosticCode(
        "syntax.invalid-template-directive", "Invalid template directive")
    public static let missingArgumentSeparator = DiagnosticCode(
        "syntax.missing-argument-separator", "Missing argument separator")
    public static let missingAttributeSeparator = DiagnosticCode(
        "syntax.missing-attribute-separator", "Missing attribute separator")
    public static let missingAttributeValue = DiagnosticCode(
        "syntax.missing-attribute-value", "Missing attribute value")
    public static let missingCloseBracket = DiagnosticCode(
        "syntax.missing-close-bracket", "Missing close bracket on index")
    public static let missingClosingParenthesis = DiagnosticCode(
        "syntax.missing-closing-parenthesis", "Missing closing parenthesis")
    public static let missingExpression = DiagnosticCode(
        "syntax.missing-expression", "Missing expression")
    public static let missingFalseExpression = DiagnosticCode(
        "syntax.missing-false-expression", "Missing false expression in conditional")
    public static let missingFunctionName = DiagnosticCode(
        "syntax.missing-function-name", "Missing function name")
    public static let missingItemSeparator = DiagnosticCode(
        "syntax.missing-item-separator", "Missing item separator")
    public static let missingKeyValueSeparator = DiagnosticCode(
        "syntax.missing-key-value-separator", "Missing key/value separator")
    public static let missingNewlineAfterArgument = DiagnosticCode(
        "syntax.missing-newline-after-argument", "Missing newline after argument")
    public static let missingNewlineAfterBlock = DiagnosticCode(
        "syntax.missing-newline-after-block", "Missing newline after block definition")
    public static let missingOpenParenthesis = DiagnosticCode(
        "syntax.missing-open-parenthesis", "Missing open parenthesis")
    public static let nestedSplat = DiagnosticCode(
        "syntax.nested-splat", "Nested splat expression not allowed")
    public static let nestingTooDeep = DiagnosticCode(
        "syntax.nesting-too-deep", "Nesting too deep")
    public static let unbalancedParentheses = DiagnosticCode(
        "syntax.unbalanced-parentheses", "Unbalanced parentheses")
    public static let unclosedBlock = DiagnosticCode(
        "syntax.unclosed-block", "Unclosed configuration block")
    public static let unclosedInterpolation = DiagnosticCode(
        "syntax.unclosed-interpolation", "Unclosed template interpolation sequence")
    public static let unexpectedCommaAfterArgument = DiagnosticCode(
        "syntax.unexpected-comma-after-argument", "Unexpected comma after argument")
    public static let unexpectedEndOfTemplate = DiagnosticCode(
        "syntax.unexpected-end-of-template", "Unexpected end of template")
    public static let unexpectedTemplateDirective = DiagnosticCode(
        "syntax.unexpected-template-directive", "Unexpected template directive")
    public static let unsupportedOperator = DiagnosticCode(
        "syntax.unsupported-operator", "Unsupported operator")
    public static let unterminatedFunctionCall = DiagnosticCode(
        "syntax.unterminated-function-call", "Unterminated function call")
    public static let unterminatedObject = DiagnosticCode(
        "syntax.unterminated-object", "Unterminated object constructor expression")
    public static let unterminatedTuple = DiagnosticCode(
        "syntax.unterminated-tuple", "Unterminated tuple constructor expression")
}
