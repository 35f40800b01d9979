#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore

/// Inline HTML and Markdown links of one line, outside code spans.
enum Inline {
    struct Cleaned {
        var text: String
        var links: [(text: String, target: String)] = []
        var images: [String] = []
        /// Nothing but links (and bullets, numbers, arrows, bold marks) on the line.
        var linkOnly = false
    }

    static func clean(_ raw: String) -> Cleaned {
        guard raw.contains(where: { "<[&!".contains($0) }) else { return Cleaned(text: raw) }
        var out = ""
        var links: [(String, String)] = []
        var images: [String] = []
        var outsideLinks = ""
        let chars = Array(raw)
        var i = 0
        var inCode = false
        while i < chars.count {
            let c = chars[i]
            if c == "`" {
                inCode.toggle()
                out.append(c)
                outsideLinks.append(c)
                i += 1
                continue
            }
            if inCode {
                out.append(c)
                outsideLinks.append(c)
                i += 1
                continue
            }
            if c == "!", i + 1 < chars.count, chars[i + 1] == "[", let (alt, _, end) = link(chars, at: i + 1) {
                images.append(alt)
                i = end
                continue
            }
            if c == "[", let (text, target, end) = link(chars, at: i) {
                // `[![badge](img)](url)`: an image inside a link is the image.
                let inner = clean(text)
                if !inner.images.isEmpty, inner.text.trimmingSpaces.isEmpty {
                    images += inner.images
                } else {
                    out += inner.text
                    links.append((inner.text, target))
                }
                i = end
                continue
            }
            if c == "<", let (replacement, end, alt) = tag(chars, at: i) {
                if let alt { images.append(alt) } else {
                    out += replacement
                    outsideLinks += replacement
                }
                i = end
                continue
            }
            if c == "&", let (decoded, end) = entity(chars, at: i) {
                out += decoded
                outsideLinks += decoded
                i = end
                continue
            }
            out.append(c)
            outsideLinks.append(c)
            i += 1
        }
        let rest = outsideLinks.unicodeScalars.filter { scalar in
            !scalar.isMark && !" \t*_|•·-–—:()[]".unicodeScalars.contains(scalar) && !("0"..."9").contains(scalar) && scalar != "."
        }
        return Cleaned(text: out, links: links, images: images, linkOnly: rest.isEmpty && !links.isEmpty)
    }

    /// `[text](target)` starting at `start` (the `[`): its text, target, and the index after it.
    private static func link(_ chars: [Character], at start: Int) -> (String, String, Int)? {
        var depth = 0
        var j = start
        var close: Int?
        while j < chars.count {
            if chars[j] == "[" { depth += 1 }
            if chars[j] == "]" {
                depth -= 1
                if depth == 0 { close = j; break }
            }
            j += 1
        }
        guard let close, close + 1 < chars.count, chars[close + 1] == "(" else { return nil }
        var k = close + 2
        var parens = 1
        while k < chars.count {
            if chars[k] == "(" { parens += 1 }
            if chars[k] == ")" {
                parens -= 1
                if parens == 0 { break }
            }
            k += 1
        }
        guard k < chars.count else { return nil }
        let target = String(chars[(close + 2)..<k]).trimmingSpaces.split(separator: " ").first.map(String.init) ?? ""
        return (String(chars[(start + 1)..<close]), target, k + 1)
    }

    private static let knownTags: Set<String> = [
        "a", "abbr", "b", "big", "blockquote", "br", "center", "code", "dd", "del", "details", "div", "dl", "dt", "em",
        "font", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "picture",
        "pre", "s", "section", "small", "source", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td",
        "th", "thead", "tr", "u", "ul", "video", "iframe", "figure", "figcaption", "article", "header", "footer", "nav",
        "main", "aside", "input", "label", "button",
    ]

    /// An HTML tag at `start`: what it reads as, the index after it, and an image's description.
    private static func tag(_ chars: [Character], at start: Int) -> (String, Int, String?)? {
        var j = start + 1
        let closing = j < chars.count && chars[j] == "/"
        if closing { j += 1 }
        let nameStart = j
        while j < chars.count, chars[j].isASCII, chars[j].isLetter || chars[j].isNumber { j += 1 }
        let name = String(chars[nameStart..<j]).lowercased()
        guard knownTags.contains(name), j < chars.count, chars[j] == ">" || chars[j] == " " || chars[j] == "/" else { return nil }
        var k = j
        var quote: Character?
        while k < chars.count {
            if let q = quote { if chars[k] == q { quote = nil } } else if chars[k] == "\"" || chars[k] == "'" { quote = chars[k] } else if chars[k] == ">" { break }
            k += 1
        }
        guard k < chars.count else { return nil }
        let attributes = String(chars[j..<k])
        let end = k + 1
        switch name {
        case "b", "strong": return ("**", end, nil)
        case "i", "em": return ("*", end, nil)
        case "code", "kbd": return ("`", end, nil)
        case "summary": return ("**", end, nil)
        case "br", "hr": return (" ", end, nil)
        case "img":
            guard !closing else { return ("", end, nil) }
            return ("", end, attribute("alt", in: attributes) ?? "")
        case "h1", "h2", "h3", "h4", "h5", "h6":
            let level = Int(String(name.last!))!
            return (closing ? "" : String(repeating: "#", count: level) + " ", end, nil)
        default: return ("", end, nil)
        }
    }

    private static func attribute(_ name: String, in attributes: String) -> String? {
        guard let range = attributes.firstRange(of: name + "=") else { return nil }
        let rest = attributes[range.upperBound...]
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        return rest.dropFirst().prefix(while: { $0 != quote }).description
    }

    private static let entities: [String: String] = [
        "nbsp": " ", "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "#39": "'", "mdash": "—", "ndash": "–",
        "hellip": "…", "rarr": "→", "larr": "←", "uarr": "↑", "darr": "↓", "times": "×", "copy": "©", "laquo": "«", "raquo": "»",
        "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "le": "≤", "ge": "≥", "ne": "≠",
    ]

    private static func entity(_ chars: [Character], at start: Int) -> (String, Int)? {
        var j = start + 1
        while j < chars.count, j - start <= 8, chars[j] != ";", chars[j].isASCII, chars[j].isLetter || chars[j].isNumber || chars[j] == "#" { j += 1 }
        guard j < chars.count, chars[j] == ";" else { return nil }
        let name = String(chars[(start + 1)..<j])
        if let known = entities[name] { return (known, j + 1) }
        if name.hasPrefix("#x"), let value = UInt32(name.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(value) { return (String(scalar), j + 1) }
        if name.hasPrefix("#"), let value = UInt32(name.dropFirst()), let scalar = Unicode.Scalar(value) { return (String(scalar), j + 1) }
        return nil
    }
}
