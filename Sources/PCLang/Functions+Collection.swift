extension FunctionLibrary {
    /// Collection functions: Terraform's names, parameters and results.
    ///
    /// Most parameters accept unknown values so that a list with some
    /// unknown elements still gives a known result where Terraform gives
    /// one (`length`, `element`, `contains`, `concat`…). The functions that
    /// move values without looking at them handle marks themselves and keep
    /// each element's own mark, as Terraform does.
    static var collectionFunctions: [Function] {
        collectionSequenceFunctions + collectionMapFunctions + collectionSearchFunctions
            + collectionReductionFunctions + collectionSetFunctions
    }

    private static func parameter(_ name: String, _ type: ValueType = .dynamic, allowsNull: Bool = false) -> FunctionParameter {
        FunctionParameter(name, type, allowsNull: allowsNull, allowsUnknown: true)
    }

    private static var collectionSequenceFunctions: [Function] {
        [
            Function(
                name: "length", parameters: [parameter("value")], returnType: .number, handlesMarks: true,
                summary: "Returns the number of elements of a collection or structure, or of characters in a string."
            ) { arguments, _ throws(FunctionError) in try CollectionSequences.length(arguments) },
            Function(
                name: "element", parameters: [parameter("list"), parameter("index", .number)],
                returnType: .dynamic, handlesMarks: true,
                summary: "Returns the element at an index of a list or tuple, wrapping around past the end."
            ) { arguments, _ throws(FunctionError) in try CollectionSequences.element(arguments) },
            Function(
                name: "slice",
                parameters: [parameter("list"), parameter("start_index", .number), parameter("end_index", .number)],
                returnType: .dynamic, handlesMarks: true,
                summary: "Returns the consecutive elements of a list or tuple from a start index up to, not including, an end index."
            ) { arguments, _ throws(FunctionError) in try CollectionSequences.slice(arguments) },
            Function(
                name: "reverse", parameters: [parameter("list")], returnType: .dynamic, handlesMarks: true,
                summary: "Returns a list or tuple with the same elements in the opposite order."
            ) { arguments, _ throws(FunctionError) in try CollectionSequences.reverse(arguments) },
            Function(
                name: "concat", parameters: [], variadic: parameter("seqs"), returnType: .dynamic, handlesMarks: true,
                summary: "Joins lists or tuples end to end into one sequence."
            ) { arguments, _ throws(FunctionError) in try CollectionSequences.concat(arguments) },
            Function(
                name: "flatten", parameters: [parameter("list")], returnType: .dynamic, handlesMarks: true,
                summary: "Replaces the nested lists, sets and tuples of a sequence by their elements, at every depth."
            ) { arguments, _ throws(FunctionError) in try CollectionSequences.flatten(arguments) },
            Function(
                name: "chunklist", parameters: [parameter("list", .list(.dynamic)), parameter("size", .number)],
                returnType: .list(.list(.dynamic)), handlesMarks: true,
                summary: "Splits a list into lists of at most the given size."
            ) { arguments, _ throws(FunctionError) in try CollectionSequences.chunklist(arguments) },
            Function(
                name: "one", parameters: [parameter("list")], returnType: .dynamic,
                summary: "Returns the only element of a list, set or tuple, or null when it is empty."
            ) { arguments, _ throws(FunctionError) in try CollectionSequences.one(arguments) },
        ]
    }

    private static var collectionMapFunctions: [Function] {
        [
            Function(
                name: "keys", parameters: [parameter("inputMap")], returnType: .dynamic, handlesMarks: true,
                summary: "Returns the keys of a map or the attribute names of an object, sorted."
            ) { arguments, _ throws(FunctionError) in try CollectionMaps.keys(arguments) },
            Function(
                name: "values", parameters: [parameter("mapping")], returnType: .dynamic, handlesMarks: true,
                summary: "Returns the values of a map or object, in the order of their sorted keys."
            ) { arguments, _ throws(FunctionError) in try CollectionMaps.values(arguments) },
            Function(
                name: "lookup", parameters: [parameter("inputMap"), parameter("key", .string)],
                variadic: parameter("default", allowsNull: true), returnType: .dynamic, handlesMarks: true,
                summary: "Returns the element of a map or attribute of an object with the given key, or the default when there is none."
            ) { arguments, _ throws(FunctionError) in try CollectionMaps.lookup(arguments) },
            Function(
                name: "merge", parameters: [], variadic: parameter("maps", allowsNull: true),
                returnType: .dynamic, handlesMarks: true,
                summary: "Merges maps or objects into one; a key given again replaces the earlier value."
            ) { arguments, _ throws(FunctionError) in try CollectionMaps.merge(arguments) },
            Function(
                name: "zipmap", parameters: [parameter("keys", .list(.string)), parameter("values")],
                returnType: .dynamic, handlesMarks: true,
                summary: "Builds a map, or an object from a tuple, out of a list of keys and a list of values."
            ) { arguments, _ throws(FunctionError) in try CollectionMaps.zipmap(arguments) },
            Function(
                name: "transpose", parameters: [FunctionParameter("values", .map(.list(.string)))],
                returnType: .map(.list(.string)),
                summary: "Swaps the keys and the list elements of a map of lists of strings."
            ) { arguments, _ throws(FunctionError) in try CollectionMaps.transpose(arguments) },
        ]
    }

    private static var collectionSearchFunctions: [Function] {
        [
            Function(
                name: "contains", parameters: [parameter("list"), parameter("value")], returnType: .bool,
                summary: "Tells whether a list, tuple or set holds the given value."
            ) { arguments, _ throws(FunctionError) in try CollectionSearch.contains(arguments) },
            Function(
                name: "index", parameters: [parameter("list"), parameter("value")], returnType: .number,
                summary: "Returns the index of the first element of a list or tuple equal to the given value."
            ) { arguments, _ throws(FunctionError) in try CollectionSearch.index(arguments) },
            Function(
                name: "distinct", parameters: [parameter("list", .list(.dynamic))], returnType: .list(.dynamic),
                summary: "Removes the repeated elements of a list, keeping the first of each."
            ) { arguments, _ throws(FunctionError) in try CollectionSearch.distinct(arguments) },
            Function(
                name: "matchkeys",
                parameters: [
                    parameter("values", .list(.dynamic)), parameter("keys", .list(.dynamic)),
                    parameter("searchset", .list(.dynamic)),
                ],
                returnType: .list(.dynamic),
                summary: "Returns the elements of a list whose corresponding keys are in the search set."
            ) { arguments, _ throws(FunctionError) in try CollectionSearch.matchkeys(arguments) },
            Function(
                name: "coalesce", parameters: [], variadic: parameter("vals", allowsNull: true), returnType: .dynamic,
                summary: "Returns the first argument that is neither null nor an empty string."
            ) { arguments, _ throws(FunctionError) in try CollectionSearch.coalesce(arguments) },
            Function(
                name: "coalescelist", parameters: [], variadic: parameter("vals", allowsNull: true),
                returnType: .dynamic,
                summary: "Returns the first list or tuple argument that is not empty."
            ) { arguments, _ throws(FunctionError) in try CollectionSearch.coalescelist(arguments) },
            Function(
                name: "compact", parameters: [FunctionParameter("list", .list(.string))], returnType: .list(.string),
                summary: "Removes the empty strings and nulls from a list of strings."
            ) { arguments, _ throws(FunctionError) in try CollectionSearch.compact(arguments) },
        ]
    }

    private static var collectionReductionFunctions: [Function] {
        [
            Function(
                name: "alltrue", parameters: [parameter("list", .list(.bool))], returnType: .bool,
                summary: "Tells whether every element of a list is true; true for an empty list."
            ) { arguments, _ throws(FunctionError) in try CollectionReductions.alltrue(arguments) },
            Function(
                name: "anytrue", parameters: [parameter("list", .list(.bool))], returnType: .bool,
                summary: "Tells whether any element of a list is true; false for an empty list."
            ) { arguments, _ throws(FunctionError) in try CollectionReductions.anytrue(arguments) },
            Function(
                name: "sum", parameters: [parameter("list")], returnType: .number,
                summary: "Adds up the numbers of a list, set or tuple."
            ) { arguments, _ throws(FunctionError) in try CollectionReductions.sum(arguments) },
            Function(
                name: "sort", parameters: [parameter("list", .list(.string))], returnType: .list(.string),
                summary: "Sorts a list of strings lexicographically; numbers are sorted as strings."
            ) { arguments, _ throws(FunctionError) in try CollectionReductions.sort(arguments) },
            Function(
                name: "range", parameters: [], variadic: FunctionParameter("params", .number), returnType: .list(.number),
                summary: "Returns the numbers from a start up to, not including, a limit, by a step."
            ) { arguments, _ throws(FunctionError) in try CollectionReductions.range(arguments) },
        ]
    }

    private static var collectionSetFunctions: [Function] {
        [
            Function(
                name: "setunion", parameters: [parameter("first_set", .set(.dynamic))],
                variadic: parameter("other_sets", .set(.dynamic)), returnType: .set(.dynamic),
                summary: "Returns the set of the elements found in any of the given sets."
            ) { arguments, _ throws(FunctionError) in
                try CollectionSets.combine(arguments, .union, parameterNames: ("first_set", "other_sets"))
            },
            Function(
                name: "setintersection", parameters: [parameter("first_set", .set(.dynamic))],
                variadic: parameter("other_sets", .set(.dynamic)), returnType: .set(.dynamic),
                summary: "Returns the set of the elements found in all of the given sets."
            ) { arguments, _ throws(FunctionError) in
                try CollectionSets.combine(arguments, .intersection, parameterNames: ("first_set", "other_sets"))
            },
            Function(
                name: "setsubtract", parameters: [parameter("a", .set(.dynamic)), parameter("b", .set(.dynamic))],
                returnType: .set(.dynamic),
                summary: "Returns the set of the elements of the first set that are not in the second."
            ) { arguments, _ throws(FunctionError) in
                try CollectionSets.combine(arguments, .subtraction, parameterNames: ("a", "b"))
            },
            Function(
                name: "setproduct", parameters: [], variadic: parameter("sets"), returnType: .dynamic,
                summary: "Returns every combination of one element from each given set or list, as tuples."
            ) { arguments, _ throws(FunctionError) in try CollectionSets.product(arguments) },
        ]
    }
}
