/// Which key an escape sequence stands for: the tables behind `KeyDecoder`.
extension KeyDecoder {
    static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

    /// The numbers of a sequence's parameters (`1;5` is [1, 5], an empty one is nil, a
    /// sub-parameter after `:` is left out); nil when they are not numbers (a private
    /// marker such as `<` or `?`, an intermediate byte).
    static func numbers(_ parameters: [UInt8]) -> [Int?]? {
        var numbers: [Int?] = []
        var current: Int?
        var inSubparameter = false
        for byte in parameters {
            switch byte {
            case 0x30...0x39:
                if !inSubparameter { current = min((current ?? 0) * 10 + Int(byte - 0x30), 1_000_000) }
            case UInt8(ascii: ":"):
                inSubparameter = true
            case UInt8(ascii: ";"):
                numbers.append(current)
                current = nil
                inSubparameter = false
            default:
                return nil
            }
        }
        if !parameters.isEmpty { numbers.append(current) }
        return numbers
    }

    /// The modifier parameter of a key with a letter final: `1 ; m`, or `m` alone; nil
    /// when the numbers are no modifier (a cursor position report, `ESC [ 12 ; 40 R`).
    static func letterModifier(_ numbers: [Int?]) -> Int? {
        switch numbers.count {
        case 0:
            return 1
        case 1:
            guard let modifier = numbers[0] else { return 1 }
            return (1...16).contains(modifier) ? modifier : nil
        case 2:
            guard numbers[0] ?? 1 == 1 else { return nil }
            guard let modifier = numbers[1] else { return 1 }
            return (1...255).contains(modifier) ? modifier : nil
        default:
            return nil
        }
    }

    /// Left and Right with Ctrl or Alt move by words; any other modifier is the plain key.
    static func modified(_ key: Key, modifier: Int, alt: Bool) -> Key {
        let bits = max(modifier - 1, 0)
        guard alt || bits & 0b110 != 0 else { return key }
        switch key {
        case .left: return .wordLeft
        case .right: return .wordRight
        default: return key
        }
    }

    /// Keys of xterm's letter finals, in both `ESC [` and `ESC O`.
    static func letterKey(_ final: UInt8) -> Key? {
        switch final {
        case UInt8(ascii: "A"): .up
        case UInt8(ascii: "B"): .down
        case UInt8(ascii: "C"): .right
        case UInt8(ascii: "D"): .left
        case UInt8(ascii: "H"): .home
        case UInt8(ascii: "F"): .end
        case UInt8(ascii: "P"): .function(1)
        case UInt8(ascii: "Q"): .function(2)
        case UInt8(ascii: "R"): .function(3)
        case UInt8(ascii: "S"): .function(4)
        default: nil
        }
    }

    /// rxvt's lowercase arrows: Shift after `ESC [`, Ctrl after `ESC O`.
    static func rxvtArrow(_ final: UInt8) -> Key? {
        switch final {
        case UInt8(ascii: "a"): .up
        case UInt8(ascii: "b"): .down
        case UInt8(ascii: "c"): .right
        case UInt8(ascii: "d"): .left
        default: nil
        }
    }

    /// The key of `ESC [ n ~` (vt220, rxvt, Linux console).
    static func numberedKey(_ number: Int) -> Key? {
        switch number {
        case 1, 7: .home
        case 2: .insert
        case 3: .delete
        case 4, 8: .end
        case 5: .pageUp
        case 6: .pageDown
        case 11...15: .function(number - 10)
        case 17...21: .function(number - 11)
        case 23, 24: .function(number - 12)
        default: nil
        }
    }

    static func csiKey(final: UInt8, numbers: [Int?], alt: Bool) -> Key? {
        if let key = letterKey(final) {
            return letterModifier(numbers).map { modified(key, modifier: $0, alt: alt) }
        }
        switch final {
        case UInt8(ascii: "Z"):
            return .backTab
        case UInt8(ascii: "a")...UInt8(ascii: "d") where numbers.isEmpty:
            return rxvtArrow(final).map { modified($0, modifier: 2, alt: alt) }
        case UInt8(ascii: "~"), UInt8(ascii: "^"), UInt8(ascii: "$"), UInt8(ascii: "@"):
            let modifierCount = final == UInt8(ascii: "~") ? 2 : 1
            guard (1...modifierCount).contains(numbers.count), let number = numbers[0] else { return nil }
            return numberedKey(number)
        default:
            return nil
        }
    }

    static func ss3Key(final: UInt8, numbers: [Int?], alt: Bool) -> Key? {
        if let key = letterKey(final) {
            return letterModifier(numbers).map { modified(key, modifier: $0, alt: alt) }
        }
        switch final {
        case UInt8(ascii: "M"): return .enter
        case UInt8(ascii: "I"): return .tab
        case UInt8(ascii: "a")...UInt8(ascii: "d"): return rxvtArrow(final).map { modified($0, modifier: 5, alt: alt) }
        case UInt8(ascii: "j")...UInt8(ascii: "y"):
            let keypad = Array("*+,-./0123456789".unicodeScalars)
            return .character(Character(keypad[Int(final - UInt8(ascii: "j"))]))
        case UInt8(ascii: "X"): return .character("=")
        default: return nil
        }
    }

    /// An SGR mouse report's `b ; x ; y` (x and y from 1): the left, middle and right
    /// buttons and the wheel; nil for motion, other buttons and what is not a report.
    static func mouse(_ parameters: some Collection<UInt8>, pressed: Bool) -> Mouse? {
        guard let numbers = numbers(Array(parameters)), numbers.count == 3,
              let code = numbers[0], let x = numbers[1], let y = numbers[2], x >= 1, y >= 1 else { return nil }
        // Bits 2–4 are Shift, Meta and Ctrl: the same click. Bit 5 is motion, dropped.
        guard code & 32 == 0 else { return nil }
        let button: Mouse.Button
        switch code & ~0b11100 {
        case 0: button = .left
        case 1: button = .middle
        case 2: button = .right
        case 64: button = .wheelUp
        case 65: button = .wheelDown
        default: return nil
        }
        return Mouse(button, x: x - 1, y: y - 1, pressed: pressed)
    }
}
