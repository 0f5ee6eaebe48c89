/// A position in a scenario file: the file path as given or discovered, and a 1-based line and column.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file path, as given on the command line or found while searching a directory.
    public var file: String
    /// The line, counting from 1.
    public var line: Int
    /// The column, counting from 1 (in Unicode scalars).
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `FILE:LINE:COL`.
    public var description: String { "\(file):\(line):\(column)" }
}
