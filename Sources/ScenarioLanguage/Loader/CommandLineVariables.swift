import Foundation

/// Why `--var` / `--vars` input is invalid.
public struct VariableInputError: Error, Sendable, CustomStringConvertible {
    /// What is wrong and what to do.
    public let description: String
}

/// `--var NAME=VALUE` and `--vars FILE` handling, shared by `run` and `check`.
public enum CommandLineVariables {
    /// Merges `--vars` files (in order) and then `--var` values over them. A `--var` value is always a
    /// string; `--vars` files are YAML mappings whose plain scalars are typed like JSON (numbers, bools,
    /// null) and whose quoted scalars stay strings.
    public static func parse(assignments: [String], files: [String]) throws -> [String: JSONValue] {
        var result: [String: JSONValue] = [:]
        for file in files {
            for (name, value) in try load(file: file) { result[name] = value }
        }
        for assignment in assignments {
            guard let equals = assignment.firstIndex(of: "=") else {
                throw VariableInputError(description: "--var '\(assignment)' needs the form NAME=VALUE")
            }
            let name = String(assignment[..<equals])
            guard Template.isIdentifier(Substring(name)) else {
                throw VariableInputError(
                    description: "--var '\(assignment)': '\(name)' is not a valid name (letters, digits, '_', '-')")
            }
            guard !Template.builtInNames.contains(name) else {
                throw VariableInputError(description: "--var '\(assignment)': " + builtInMessage(name))
            }
            result[name] = .string(String(assignment[assignment.index(after: equals)...]))
        }
        return result
    }

    /// Reads a `--vars` file: a YAML mapping of names to values.
    public static func load(file: String) throws -> [String: JSONValue] {
        guard let data = FileManager.default.contents(atPath: file), let source = String(data: data, encoding: .utf8)
        else {
            var isDirectory: ObjCBool = false
            let reason =
                !FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory)
                ? "No such file or directory"
                : isDirectory.boolValue
                    ? "Is a directory"
                    : FileManager.default.isReadableFile(atPath: file) ? "it is not UTF-8 text" : "Permission denied"
            throw VariableInputError(description: "cannot read the variables file '\(file)': \(reason)")
        }
        let result = YAMLDocumentReader(file: file, source: SourceLines.removingByteOrderMark(source)).read()
        if let error = result.errors.first { throw VariableInputError(description: error.rendered) }
        guard let document = result.documents.first else { return [:] }
        guard let pairs = document.pairs else {
            throw VariableInputError(
                description: "\(document.location): error: a variables file must be a mapping "
                    + "of names to values")
        }
        var variables: [String: JSONValue] = [:]
        for pair in pairs {
            guard let name = pair.name, Template.isIdentifier(Substring(name)) else {
                let shown = pair.name.map { "'\($0)'" } ?? "this key"
                throw VariableInputError(
                    description: "\(pair.key.location): error: \(shown) is not a valid variable name "
                        + "(letters, digits, '_', '-')")
            }
            guard !Template.builtInNames.contains(name) else {
                throw VariableInputError(description: "\(pair.key.location): error: " + builtInMessage(name))
            }
            variables[name] = try jsonValue(pair.value)
        }
        return variables
    }

    private static func builtInMessage(_ name: String) -> String {
        "'\(name)' is a built-in placeholder (${\(name)} always means the built-in), so it cannot be set: "
            + "choose another name"
    }

    static func jsonValue(_ node: YAMLNode) throws -> JSONValue {
        if let mismatch = StandardTagValue.mismatch(of: node) {
            throw VariableInputError(description: "\(node.location): error: \(mismatch.message)")
        }
        switch node.content {
        case .scalar: return PlanCompiler.typedScalar(node) ?? .null
        case .sequence(let items): return .array(try items.map(jsonValue))
        case .mapping(let pairs):
            return .object(JSONObject(try pairs.map { ($0.name ?? "", try jsonValue($0.value)) }))
        }
    }
}
