#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// What the program used of `String(format:)` and NSString's padding, which only full
// Foundation has (it brings ICU's data into the binary: docs/architecture.md).

/// `value` with `decimals` digits after the point, rounded as `printf`'s `%.Nf` rounds.
public func fixedPoint(_ value: Double, decimals: Int) -> String {
    withVaList([Int32(decimals), value]) { arguments in
        // Enough for any double: 309 digits before the point, a sign, the point.
        var buffer = [CChar](repeating: 0, count: 320 + decimals)
        let count = Int(vsnprintf(&buffer, buffer.count, "%.*f", arguments))
        return String(decoding: buffer.prefix(max(0, count)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

extension StringProtocol {
    /// The text cut or filled with spaces to `length` UTF-16 code units, as NSString's
    /// `padding(toLength:withPad:" ",startingAt:0)`.
    public func padded(toLength length: Int) -> String {
        let units = Array(utf16)
        if units.count >= length { return String(decoding: units.prefix(length), as: UTF16.self) }
        return String(self) + String(repeating: " ", count: length - units.count)
    }
}
