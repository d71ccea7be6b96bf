/// A value with the place in a source file it was read from, so later checks can point at it.
package struct Located<Value: Sendable>: Sendable {
    package var value: Value
    package var line: Int
    package var column: Int

    package init(_ value: Value, line: Int, column: Int) {
        self.value = value
        self.line = line
        self.column = column
    }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
