import PCLang

/// The replace paths still to follow at one place in a value
/// (Terraform's attribute path matcher, without propagation).
struct ReplaceMatcher: Sendable {
    var paths: [ArraySlice<PathStep>]

    static let none = ReplaceMatcher(paths: [])

    init(paths: [ArraySlice<PathStep>]) {
        self.paths = paths
    }

    init(_ paths: [ValuePath]) {
        self.paths = paths.map { $0.steps[...] }
    }

    /// A path ends here: this value forces the replacement.
    var matches: Bool { paths.contains { $0.isEmpty } }

    func child(key: String) -> ReplaceMatcher {
        guard !paths.isEmpty else { return self }
        return ReplaceMatcher(
            paths: paths.compactMap { path in
                guard let step = path.first else { return nil }
                switch step {
                case .attribute(let name) where name == key: return path.dropFirst()
                case .index(let index) where index.stringValue == key: return path.dropFirst()
                default: return nil
                }
            })
    }

    func child(index: Int) -> ReplaceMatcher {
        guard !paths.isEmpty else { return self }
        return ReplaceMatcher(
            paths: paths.compactMap { path in
                guard case .index(let step)? = path.first, step.numberValue?.intValue == index else { return nil }
                return path.dropFirst()
            })
    }
}
