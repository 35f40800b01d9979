import Testing
@testable import InterviewCore
@testable import InterviewTUI

/// Bytes as a terminal sends them, `\u{1B}` written `ESC` where it helps.
private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

private let esc = "\u{1B}"

/// Decodes `input` in one feed, then a timeout if `timeout`.
private func decode(_ input: [UInt8], timeout: Bool = false) -> [DecodedInput] {
    var decoder = KeyDecoder()
    var output = decoder.feed(input)
    if timeout { output += decoder.timeout() }
    return output
}

private func decode(_ text: String, timeout: Bool = false) -> [DecodedInput] { decode(bytes(text), timeout: timeout) }

/// Decodes `input` fed in the pieces that `cuts` (offsets, ascending) make.
private func decode(_ input: [UInt8], cutAt cuts: [Int]) -> [DecodedInput] {
    var decoder = KeyDecoder()
    var output: [DecodedInput] = []
    var start = 0
    for cut in cuts + [input.count] {
        output += decoder.feed(input[start..<cut])
        start = cut
    }
    return output
}

private func keys(_ keys: Key...) -> [DecodedInput] { keys.map { .key($0) } }

private func characters(_ text: String) -> [DecodedInput] {
    text.unicodeScalars.map { .key(.character(Character($0))) }
}

/// Decodes each piece in a feed of its own.
private func decodePieces(_ pieces: String...) -> [DecodedInput] {
    var decoder = KeyDecoder()
    return pieces.flatMap { decoder.feed(bytes($0)) }
}

/// SplitMix64: the same stream of numbers on every run.
private struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite struct KeyDecoderTests {
    // MARK: - Text and controls

    @Test func printableTextIsOneCharacterPerScalar() {
        let text = "Hello, world ~ é 東京 🚀 👩‍💻 e\u{301}"
        #expect(decode(text) == characters(text))
        #expect(decode("👩‍💻").count == 3, "woman, zero-width joiner, laptop: the editor joins them")
        #expect(decode("e\u{301}") == [.key(.character("e")), .key(.character("\u{301}"))])
    }

    @Test func aCharacterIsPutTogetherWhereverTheReadsCutIt() {
        for text in ["é", "東", "🚀"] {
            let input = bytes(text)
            for cut in 1..<input.count {
                var decoder = KeyDecoder()
                #expect(decoder.feed(input[..<cut]).isEmpty)
                #expect(decoder.isPending)
                #expect(decoder.feed(input[cut...]) == characters(text), "\(text) cut after \(cut) bytes")
                #expect(!decoder.isPending)
            }
            var decoder = KeyDecoder()
            let one = input.flatMap { decoder.feed([$0]) }
            #expect(one == characters(text), "\(text) a byte at a time")
        }
    }

    @Test func bytesThatAreNotUTF8AreReplacementCharactersNeverDropped() {
        let fffd = DecodedInput.key(.character("\u{FFFD}"))
        #expect(decode([0xFF]) == [fffd])
        #expect(decode([0x80]) == [fffd], "a continuation byte with nothing before it")
        #expect(decode([0xC0, 0xAF]) == [fffd, fffd], "an overlong encoding")
        #expect(decode([0xED, 0xA0, 0x80]) == [fffd], "a surrogate encoded as UTF-8")
        #expect(decode([0xF4, 0x90, 0x80, 0x80]) == [fffd], "beyond U+10FFFF")
        #expect(decode([0xE6, 0x41]) == [fffd, .key(.character("A"))], "the letter that cut a character short is kept")
        #expect(decode([0xE6, 0xC3, 0xA9]) == [fffd, .key(.character("é"))], "so is the character that did")
        #expect(decode([0xC3, 0x0D]) == [fffd, .key(.enter)])
        #expect(decode([0xF0, 0x9F, 0x1B, 0x5B, 0x41]) == [fffd, .key(.up)], "and the sequence that did")
        #expect(decode([0x61, 0xFE, 0x62]) == [.key(.character("a")), fffd, .key(.character("b"))])
    }

    @Test func controlBytes() {
        var expected: [UInt8: [DecodedInput]] = [
            0x0D: keys(.enter), 0x0A: keys(.enter), 0x09: keys(.tab), 0x7F: keys(.backspace), 0x08: keys(.backspace),
            0x00: [], 0x1C: [], 0x1D: [], 0x1E: [], 0x1F: [],
        ]
        for byte in UInt8(0x01)...0x1A where expected[byte] == nil {
            expected[byte] = keys(.control(Character(Unicode.Scalar(byte + 0x60))))
        }
        #expect(expected[0x01] == keys(.control("a")))
        #expect(expected[0x17] == keys(.control("w")))
        #expect(expected[0x1A] == keys(.control("z")))
        for (byte, keys) in expected {
            #expect(decode([byte]) == keys, "byte \(byte)")
            #expect(decode([byte, 0x78]) == keys + [.key(.character("x"))], "byte \(byte) then x")
        }
    }

    // MARK: - Sequences of keys

    /// Every sequence of a key the decoder knows, in every form, with the key it is.
    static let sequences: [(sequence: String, key: Key)] = {
        var table: [(String, Key)] = []
        let letters: [(Character, Key)] = [("A", .up), ("B", .down), ("C", .right), ("D", .left), ("H", .home), ("F", .end)]
        let functions: [(Character, Key)] = [("P", .function(1)), ("Q", .function(2)), ("R", .function(3)), ("S", .function(4))]
        for (letter, key) in letters {
            table.append(("\(esc)[\(letter)", key))  // xterm normal mode
            table.append(("\(esc)O\(letter)", key))  // xterm application mode
        }
        for (letter, key) in functions {
            table.append(("\(esc)O\(letter)", key))
            table.append(("\(esc)[\(letter)", key))
        }
        // Modified, xterm: Ctrl or Alt (3, 4, 5, 6, 7, 8, and with Meta) make Left and Right move by words.
        for modifier in 2...16 {
            let wordy = (modifier - 1) & 0b110 != 0
            for (letter, key) in letters + functions {
                var expected = key
                if wordy, key == .left { expected = .wordLeft }
                if wordy, key == .right { expected = .wordRight }
                table.append(("\(esc)[1;\(modifier)\(letter)", expected))
                table.append(("\(esc)[\(modifier)\(letter)", expected))  // old xterm, without the 1
                table.append(("\(esc)O\(modifier)\(letter)", expected))  // old xterm and others, after SS3
            }
        }
        table.append(("\(esc)[1;5:1C", .wordRight))  // kitty, with an event type
        table.append(("\(esc)[1;3D", .wordLeft))
        table.append(("\(esc)[Z", .backTab))
        table.append(("\(esc)[1;2Z", .backTab))
        // vt220, rxvt, the Linux console, screen and tmux: ESC [ n ~, and with ; m.
        let numbered: [(Int, Key)] = [
            (1, .home), (2, .insert), (3, .delete), (4, .end), (5, .pageUp), (6, .pageDown), (7, .home), (8, .end),
            (11, .function(1)), (12, .function(2)), (13, .function(3)), (14, .function(4)), (15, .function(5)),
            (17, .function(6)), (18, .function(7)), (19, .function(8)), (20, .function(9)), (21, .function(10)),
            (23, .function(11)), (24, .function(12)),
        ]
        for (number, key) in numbered {
            table.append(("\(esc)[\(number)~", key))
            for modifier in 2...8 { table.append(("\(esc)[\(number);\(modifier)~", key)) }
            // rxvt: Ctrl, Shift, Ctrl+Shift.
            table.append(("\(esc)[\(number)^", key))
            table.append(("\(esc)[\(number)$", key))
            table.append(("\(esc)[\(number)@", key))
        }
        // rxvt: Shift+arrows, Ctrl+arrows.
        table += [("\(esc)[a", .up), ("\(esc)[b", .down), ("\(esc)[c", .right), ("\(esc)[d", .left)]
        table += [("\(esc)Oa", .up), ("\(esc)Ob", .down), ("\(esc)Oc", .wordRight), ("\(esc)Od", .wordLeft)]
        // The Linux console's F1–F5.
        table += [("\(esc)[[A", .function(1)), ("\(esc)[[B", .function(2)), ("\(esc)[[C", .function(3)),
                  ("\(esc)[[D", .function(4)), ("\(esc)[[E", .function(5))]
        // Keypad application mode.
        table += [("\(esc)OM", .enter), ("\(esc)OI", .tab), ("\(esc)OX", .character("="))]
        for (final, character) in zip("jklmnopqrstuvwxy", "*+,-./0123456789") {
            table.append(("\(esc)O\(final)", .character(character)))
        }
        // Alt by a prefix ESC, and Alt+b, Alt+f.
        table += [
            ("\(esc)\(esc)[D", .wordLeft), ("\(esc)\(esc)[C", .wordRight), ("\(esc)\(esc)OD", .wordLeft),
            ("\(esc)\(esc)OC", .wordRight), ("\(esc)\(esc)[1;2D", .wordLeft), ("\(esc)\(esc)[A", .up),
            ("\(esc)\(esc)[B", .down), ("\(esc)\(esc)[1~", .home), ("\(esc)\(esc)[H", .home),
            ("\(esc)\(esc)[3~", .delete),
            ("\(esc)b", .alt("b")), ("\(esc)f", .alt("f")), ("\(esc)q", .alt("q")), ("\(esc)1", .alt("1")), ("\(esc)?", .alt("?")),
            ("\(esc) ", .alt(" ")), ("\(esc)U", .alt("U")),
        ]
        return table
    }()

    @Test func everyKeyInEveryForm() {
        #expect(Self.sequences.count > 600)
        for (sequence, key) in Self.sequences {
            var decoder = KeyDecoder()
            #expect(decoder.feed(bytes(sequence)) == keys(key), "\(sequence.debugDescription)")
            #expect(!decoder.isPending, "\(sequence.debugDescription) is complete")
            #expect(decoder.timeout().isEmpty)
            #expect(decode(sequence + "x") == keys(key, .character("x")), "\(sequence.debugDescription) then x")
            #expect(decode(sequence + sequence) == keys(key, key))
            let oneByOne = bytes(sequence).flatMap { decoder.feed([$0]) }
            #expect(oneByOne == keys(key), "\(sequence.debugDescription) a byte at a time")
        }
    }

    @Test func modifiedLeftAndRightMoveByWordsOnlyWithCtrlOrAlt() {
        // 2 Shift, 3 Alt, 4 Shift+Alt, 5 Ctrl, 6 Shift+Ctrl, 7 Alt+Ctrl, 8 all, 9 Meta, 10 Meta+Shift.
        #expect(decode("\(esc)[1;2D") == keys(.left))
        #expect(decode("\(esc)[1;3D") == keys(.wordLeft))
        #expect(decode("\(esc)[1;4C") == keys(.wordRight))
        #expect(decode("\(esc)[1;5C") == keys(.wordRight))
        #expect(decode("\(esc)[1;6D") == keys(.wordLeft))
        #expect(decode("\(esc)[1;7C") == keys(.wordRight))
        #expect(decode("\(esc)[1;9D") == keys(.left))
        #expect(decode("\(esc)[1;10C") == keys(.right))
        #expect(decode("\(esc)[1;5A") == keys(.up), "other modified keys are the plain key")
        #expect(decode("\(esc)[1;5H") == keys(.home))
        #expect(decode("\(esc)[3;5~") == keys(.delete))
    }

    /// tmux sends `send-keys Escape q` in one write, and so does Alt-q: the same key, Alt-q,
    /// which the command grammar takes as Esc then q. Before anything but printable ASCII,
    /// ESC is Escape, then the key.
    @Test func escapeBeforeAKeyThatStartsNoSequenceIsAltOrEscapeThenTheKey() {
        #expect(decode("\(esc)q") == [.key(.alt("q"))])
        #expect(decode("\(esc)1r3") == [.key(.alt("1"))] + characters("r3"))
        #expect(decode("\(esc)éx") == [.key(.escape)] + characters("éx"))
        #expect(decode([0x1B, 0xFF]) == [.key(.escape)] + characters("\u{FFFD}"), "not a character: shown")
        #expect(decode([0x1B, 0xC3, 0x41]) == [.key(.escape)] + characters("\u{FFFD}A"), "a character cut short: shown, and the letter kept")
        #expect(decode([0x1B, 0xC3], timeout: true) == [.key(.escape)] + characters("\u{FFFD}"))
        #expect(decode("\(esc)\r") == keys(.escape, .enter))
        #expect(decode("\(esc)\u{7F}") == keys(.escape, .backspace))
        #expect(decode("\(esc)\t") == keys(.escape, .tab))
        #expect(decode("\(esc)\u{17}") == keys(.escape, .control("w")))
        #expect(decode("\(esc)\u{00}x") == [.key(.escape)] + characters("x"))
    }

    // MARK: - What is dropped whole

    static let dropped: [String] = [
        // Focus in and out.
        "\(esc)[I", "\(esc)[O",
        // Mouse: X10 (whatever the three bytes look like), urxvt, SGR.
        "\(esc)[M !!", "\(esc)[M#5q", "\(esc)[M1~x", "\(esc)[M[A!", "\(esc)[32;10;20M",
        "\(esc)[<35;1;1M", "\(esc)[<3;1;1M", "\(esc)[<0;0;5M", "\(esc)[<0;10M",
        // CSI u, modifyOtherKeys.
        "\(esc)[97;5u", "\(esc)[13u", "\(esc)[127;3u", "\(esc)[27;5;13~", "\(esc)[27;2;9~",
        // Numbers no key has, a stray end of paste, keys with too many parameters.
        "\(esc)[0~", "\(esc)[9~", "\(esc)[16~", "\(esc)[22~", "\(esc)[25~", "\(esc)[34~", "\(esc)[99~", "\(esc)[201~",
        "\(esc)[3;5;7~", "\(esc)[;5~", "\(esc)[11;5^",
        // Replies to queries: device attributes, cursor position, modes, colours.
        "\(esc)[?62;22c", "\(esc)[>0;276;0c", "\(esc)[12;40R", "\(esc)[?2004;1$y", "\(esc)[2;1$y", "\(esc)[0n", "\(esc)[?1u",
        // Other CSI: keypad 5, a private marker, intermediates, a very long one.
        "\(esc)[E", "\(esc)[G", "\(esc)[2J", "\(esc)[?25h", "\(esc)[1 q", "\(esc)[>1;2A", "\(esc)[?1;5C",
        "\(esc)[" + String(repeating: "1;", count: 40) + "5C", "\(esc)[1;5<C", "\(esc)[1;5 C",
        // rxvt's lowercase arrows take no parameters.
        "\(esc)[2a", "\(esc)[1;5d",
        // SS3 with another final.
        "\(esc)OE", "\(esc)OZ", "\(esc)Oz", "\(esc)O~", "\(esc)O5E",
        // The Linux console's F keys stop at F5.
        "\(esc)[[F", "\(esc)[[Z",
        // Control strings: OSC to BEL or ST, DCS, SOS, PM, APC to ST.
        "\(esc)]11;rgb:0000/0000/0000\u{07}", "\(esc)]11;rgb:ffff/ffff/ffff\(esc)\\", "\(esc)]52;c;aGVsbG8=\u{07}",
        "\(esc)]0;title with \r and \u{7F} and é\u{07}", "\(esc)P1+r544e=787465726d\(esc)\\", "\(esc)P>|xterm(380)\(esc)\\",
        "\(esc)P\u{07}still a DCS\(esc)\\", "\(esc)_Gi=31;OK\(esc)\\", "\(esc)^private\(esc)\\", "\(esc)Xstring\(esc)\\",
    ]

    /// SGR mouse reports: presses, releases and the wheel, at cells counted from 0.
    @Test func mouseReportsAreDecoded() {
        #expect(decode("\(esc)[<0;10;20M") == [.mouse(Mouse(.left, x: 9, y: 19))])
        #expect(decode("\(esc)[<0;10;20m") == [.mouse(Mouse(.left, x: 9, y: 19, pressed: false))])
        #expect(decode("\(esc)[<64;120;45M") == [.mouse(Mouse(.wheelUp, x: 119, y: 44))])
        #expect(decode("\(esc)[<65;1;1M") == [.mouse(Mouse(.wheelDown, x: 0, y: 0))])
        #expect(decode("\(esc)[<16;3;4M") == [.mouse(Mouse(.left, x: 2, y: 3))], "Ctrl-click is a click")
        #expect(decode("\(esc)[<2;3;4M") == [.mouse(Mouse(.right, x: 2, y: 3))])
        var decoder = KeyDecoder()
        #expect(bytes("\(esc)[<0;10;20M").flatMap { decoder.feed([$0]) } == [.mouse(Mouse(.left, x: 9, y: 19))], "a byte at a time")
    }

    @Test func sequencesThatAreNoKeyAreDroppedWhole() {
        for sequence in Self.dropped {
            var decoder = KeyDecoder()
            #expect(decoder.feed(bytes(sequence)).isEmpty, "\(sequence.debugDescription)")
            #expect(!decoder.isPending, "\(sequence.debugDescription) is complete")
            #expect(decode(sequence + "x") == characters("x"), "\(sequence.debugDescription) then x")
            #expect(decode(sequence + "\(esc)[A") == keys(.up), "\(sequence.debugDescription) then up")
            let oneByOne = bytes(sequence).flatMap { decoder.feed([$0]) }
            #expect(oneByOne.isEmpty, "\(sequence.debugDescription) a byte at a time")
        }
    }

    @Test func aMalformedSequenceIsDroppedUpToTheByteThatCutItWhichIsReadAsUsual() {
        #expect(decode("\(esc)[1\r") == keys(.enter))
        #expect(decode("\(esc)[1;\u{7F}") == keys(.backspace))
        #expect(decode("\(esc)[12é") == characters("é"))
        #expect(decode(bytes("\(esc)[1") + [0xFF]) == characters("\u{FFFD}"))
        #expect(decode("\(esc)[\(esc)[A") == keys(.up))
        #expect(decode("\(esc)[1;5\(esc)[1~") == keys(.home))
        #expect(decode("\(esc)O\t") == keys(.tab))
        #expect(decode("\(esc)O \(esc)OP") == [.key(.character(" ")), .key(.function(1))], "keypad space")
        #expect(decode("\(esc)[[\r") == keys(.enter))
        #expect(decode("\(esc)[M \r") == keys(.enter), "no mouse report has a control byte")
        #expect(decode("\(esc)]0;title\(esc)[A") == keys(.up), "an ESC that is not ST cuts the string off")
        #expect(decode("\(esc)Pdata\(esc)x") == [.key(.alt("x"))], "and starts one of its own: Alt-x")
    }

    @Test func bytesAfterASequenceAreReadAsUsual() {
        #expect(decode("\(esc)[Ax") == keys(.up, .character("x")))
        #expect(decode("a\(esc)[1~b\(esc)OFc\(esc)[3~") == keys(.character("a"), .home, .character("b"), .end, .character("c"), .delete))
        #expect(decode("\(esc)]0;t\u{07}q\(esc)[I\(esc)[Oy") == characters("qy"))
    }

    // MARK: - The bugs of keys read through terminfo

    /// TERM=xterm-256color inside tmux: Home, `ESC [ 1 ~`, was ESC then `[`, `1`, `~`:
    /// typing stopped and rubric item 1 was ticked.
    @Test func homeInTmuxIsHomeNotEscapeThenKeys() throws {
        let home = bytes("\(esc)[1~")
        #expect(decode(home) == keys(.home))
        var decoder = KeyDecoder()
        #expect(home.flatMap { decoder.feed([$0]) } == keys(.home), "whatever the reads")

        var state = try Live.state()
        Live.type("ab", &state, at: 2)
        for case .key(let key) in decode(home) { Live.press([key], &state, at: 3) }
        Live.type("c", &state, at: 4)
        #expect(state.isTyping, "Home does not stop typing")
        #expect(!state.session.questions[0].rubric.contains(true), "nor tick rubric item 1")
        LiveReducer.reduce(&state, .tick, now: 5)
        #expect(state.session.questions[0].notes.first?.text == "cab")
    }

    /// End, `ESC [ 4 ~`, in wrap-up set the recommendation to 4.
    @Test func endInTmuxIsEndNotARecommendation() throws {
        let end = bytes("\(esc)[4~")
        #expect(decode(end) == keys(.end))
        var state = try Live.state()
        Live.command("w", &state, at: 1)
        #expect(state.session.wrappingUp)
        for case .key(let key) in decode(end) { Live.press([key], &state, at: 2) }
        #expect(state.session.recommendation == nil)
    }

    // MARK: - Timeouts

    @Test func aLoneEscapeIsEscapeOnlyOnceNothingFollows() {
        var decoder = KeyDecoder()
        #expect(decoder.feed(bytes(esc)).isEmpty)
        #expect(decoder.isPending)
        #expect(!decoder.inPaste)
        #expect(decoder.timeout() == keys(.escape))
        #expect(!decoder.isPending)
        #expect(decoder.timeout().isEmpty, "once")
        #expect(decoder.feed(bytes("[A")) == characters("[A"), "what follows later is keys of its own")
        #expect(decode("x\(esc)", timeout: true) == keys(.character("x"), .escape))
        #expect(decode("\(esc)\(esc)", timeout: true) == keys(.escape, .escape), "Esc twice in one write is Esc twice")
        #expect(decode("\(esc)\(esc)\(esc)[D") == keys(.escape, .wordLeft), "a third ESC: the first was a key of its own")
        #expect(decode("\(esc)\(esc)q") == keys(.escape, .alt("q")))
    }

    @Test func anIncompleteSequenceIsDroppedWholeOnATimeout() {
        for sequence in ["\(esc)[", "\(esc)[1", "\(esc)[1;", "\(esc)[1;5", "\(esc)O", "\(esc)O5", "\(esc)[[", "\(esc)[M",
                         "\(esc)[M!", "\(esc)[M!!", "\(esc)]0;title", "\(esc)]0;title\(esc)", "\(esc)P", "\(esc)Pdata",
                         "\(esc)\(esc)[", "\(esc)[<0;10"] {
            var decoder = KeyDecoder()
            #expect(decoder.feed(bytes(sequence)).isEmpty, "\(sequence.debugDescription)")
            #expect(decoder.isPending, "\(sequence.debugDescription) waits for more")
            let timedOut = decoder.timeout()
            #expect(timedOut.isEmpty || timedOut == characters("\u{FFFD}"), "\(sequence.debugDescription)")
            #expect(!decoder.isPending)
            #expect(decoder.feed(bytes("1~x")) == characters("1~x"), "\(sequence.debugDescription): the rest is not replayed")
        }
    }

    @Test func anIncompleteCharacterIsAReplacementCharacterOnATimeout() {
        for input: [UInt8] in [[0xC3], [0xE6], [0xE6, 0x9D], [0xF0, 0x9F, 0x9A]] {
            var decoder = KeyDecoder()
            #expect(decoder.feed(input).isEmpty)
            #expect(decoder.isPending)
            #expect(decoder.timeout() == characters("\u{FFFD}"))
            #expect(!decoder.isPending)
            #expect(decoder.feed([0xA9]) == characters("\u{FFFD}"), "the rest, late, is a byte that is not UTF-8")
        }
    }

    @Test func nothingPendingNothingOnATimeout() {
        var decoder = KeyDecoder()
        #expect(!decoder.isPending)
        #expect(decoder.timeout().isEmpty)
        #expect(decoder.feed(bytes("ab\(esc)[A")) == keys(.character("a"), .character("b"), .up))
        #expect(!decoder.isPending)
        #expect(decoder.timeout().isEmpty)
    }

    // MARK: - Bracketed paste

    static let start = "\(esc)[200~", end = "\(esc)[201~"

    @Test func aPasteIsTextWhateverItHolds() {
        let inside = "x \(esc)[A \(esc)[1~ \(esc)OP \(esc) \(esc)b q\t\u{01}\u{00}\u{7F}\u{08} \(esc)[200~ \(esc)]0;t\u{07} 1 2"
        #expect(decode(Self.start + inside + Self.end) == [.paste(inside)])
        #expect(decode(Self.start + "\(esc)[2J\tend" + Self.end) == [.paste("\(esc)[2J\tend")],
                "controls stay text for the notes to show visibly")
    }

    @Test func aPasteHoldsUntilItsEnd() {
        var decoder = KeyDecoder()
        #expect(decoder.feed(bytes("a" + Self.start + "first line\r")) == characters("a"))
        #expect(decoder.inPaste)
        #expect(decoder.isPending)
        #expect(decoder.feed(bytes("second" + Self.end + "nq")) == [.paste("first line\nsecond")] + characters("nq"),
                "keys typed after the paste stay keys")
        #expect(!decoder.inPaste)
        #expect(!decoder.isPending)
    }

    @Test func theEndOfAPasteIsFoundWhereverTheReadsCutIt() {
        let input = bytes(Self.start + "text" + Self.end + "n")
        for cut in 1..<input.count {
            #expect(decode(input, cutAt: [cut]) == [.paste("text"), .key(.character("n"))], "cut after \(cut) bytes")
        }
        for first in 1..<input.count {
            for second in first..<input.count {
                #expect(decode(input, cutAt: [first, second]) == [.paste("text"), .key(.character("n"))], "cut after \(first), \(second)")
            }
        }
        var decoder = KeyDecoder()
        #expect(input.flatMap { decoder.feed([$0]) } == [.paste("text"), .key(.character("n"))])
        // What looks like the start of the end, but is not, is text.
        #expect(decodePieces(Self.start + "a\(esc)[20", "2~b\(esc)[2", "01x" + Self.end)
                == [.paste("a\(esc)[202~b\(esc)[201x")])
    }

    @Test func lineBreaksOfAPasteBecomeLineFeeds() {
        #expect(decode(Self.start + "a\r\nb\rc\nd\r\r" + Self.end) == [.paste("a\nb\nc\nd\n\n")])
        #expect(decodePieces(Self.start + "a\r", "\nb" + Self.end) == [.paste("a\nb")], "CR LF cut by a read")
        #expect(decode(Self.start + "a\r" + Self.end) == [.paste("a\n")])
    }

    @Test func bytesOfAPasteThatAreNotUTF8AreShownNotDropped() {
        // A character cut by a read is whole again; a lone continuation byte is not UTF-8.
        let rocket = bytes("🚀")
        var decoder = KeyDecoder()
        #expect(decoder.feed(bytes(Self.start + "x") + rocket[..<2]).isEmpty)
        #expect(decoder.feed(Array(rocket[2...]) + [0x80, 0x79, 0xFF] + bytes(Self.end)) == [.paste("x🚀\u{FFFD}y\u{FFFD}")])
    }

    /// Two pastes back to back, in one read or two: every byte is text, none are keys.
    @Test func pastesBackToBackLoseNothing() {
        let input = bytes(Self.start + "first " + Self.end + Self.start + "second q y")
            + bytes(" still" + Self.end + "n")
        for cut in 0...input.count {
            let output = decode(input, cutAt: [cut])
            var text = ""
            for case .paste(let part) in output { text += part }
            #expect(text == "first second q y still", "cut after \(cut)")
            #expect(output.last == .key(.character("n")))
            #expect(output.filter { if case .key = $0 { true } else { false } }.count == 1, "keys: only the n after the pastes")
        }
    }

    @Test func aPasteWhoseEndNeverComesIsWhatCameOnATimeout() {
        var decoder = KeyDecoder()
        #expect(decoder.feed(bytes(Self.start + "abc\r\ndef\(esc)[20")).isEmpty)
        #expect(decoder.inPaste)
        #expect(decoder.timeout() == [.paste("abc\ndef\(esc)[20")])
        #expect(!decoder.inPaste)
        #expect(!decoder.isPending)
        #expect(decoder.feed(bytes("1~x")) == characters("1~x"))
        #expect(decode(Self.start, timeout: true).isEmpty, "an empty paste is nothing")
        #expect(decode(Self.start + Self.end).isEmpty)
    }

    @Test func aMegabytePasteInChunksIsFast() {
        let pieces: [(bytes: String, text: String)] = [
            ("a line of some text, and then\r\n", "a line of some text, and then\n"), ("é 東京 🚀 ", "é 東京 🚀 "),
            ("\(esc)[A\(esc)[1~\t", "\(esc)[A\(esc)[1~\t"), ("old mac\r", "old mac\n"), ("unix\n", "unix\n"),
        ]
        var data: [UInt8] = []
        var text = ""
        var index = 0
        while data.count < 1 << 20 {
            let piece = pieces[index % pieces.count]
            data += bytes(piece.bytes)
            text += piece.text
            index += 1
        }
        // A chunk boundary inside the end of the paste.
        let padding = (65_533 - (6 + data.count) % 65_536 + 65_536) % 65_536
        data += Array(repeating: UInt8(ascii: "z"), count: padding)
        text += String(repeating: "z", count: padding)
        let input = bytes(Self.start) + data + bytes(Self.end + "x")
        #expect((6 + data.count) % 65_536 == 65_533)

        var decoder = KeyDecoder()
        var output: [DecodedInput] = []
        let elapsed = ContinuousClock().measure {
            var start = 0
            while start < input.count {
                let end = min(start + 65_536, input.count)
                output += decoder.feed(input[start..<end])
                start = end
            }
        }
        #expect(output == [.paste(text), .key(.character("x"))])
        #expect(elapsed < .milliseconds(500), "took \(elapsed)")
    }

    @Test func muchTypingAtOnceIsFastToo() {
        let input = [UInt8](repeating: UInt8(ascii: "a"), count: 1 << 18) + bytes("\(esc)[A")
        var decoder = KeyDecoder()
        var output: [DecodedInput] = []
        let elapsed = ContinuousClock().measure { output = decoder.feed(input) }
        #expect(output.count == (1 << 18) + 1)
        #expect(output.last == .key(.up))
        #expect(elapsed < .milliseconds(500), "took \(elapsed)")
    }

    // MARK: - Reads cut anywhere

    /// A bit of everything, ending with nothing pending.
    static let mixed: [UInt8] = bytes("ab é\(esc)[1~東\(esc)[4~🚀\(esc)OP\(esc)[1;5C\(esc)[3;2~\r\n\t\u{7F}\u{01}")
        + [0xFF, 0xE6, 0x41, 0x00]
        + bytes("\(esc)\(esc)[D\(esc)b\(esc)x\(esc)é\(esc)[[A\(esc)[<0;1;2M\(esc)[M !#\(esc)[97;5u\(esc)[I")
        + bytes("\(esc)]11;rgb:0/0/0\u{07}\(esc)P+r\(esc)\\\(esc)[12\r\(esc)[7^\(esc)Oc\(esc)OM")
        + bytes("\(Self.start)pasted \(esc)[A\r\nline é\(Self.end)\(Self.start)again\(Self.end)z\(esc)[Z")

    @Test func theResultIsTheSameWhereverTheReadsCutTheBytes() {
        let whole = decode(Self.mixed)
        #expect(whole.contains(.key(.home)) && whole.contains(.key(.wordRight)) && whole.contains(.paste("pasted \(esc)[A\nline é")))
        #expect(whole.filter { $0 == .key(.escape) }.count == 1, "ESC é: Escape, then the key")
        #expect(whole.contains(.key(.alt("b"))) && whole.contains(.key(.alt("x"))), "ESC b and ESC x: Alt-b, Alt-x")
        #expect(whole.contains(.mouse(Mouse(.left, x: 0, y: 1))))
        for cut in 0...Self.mixed.count {
            #expect(decode(Self.mixed, cutAt: [cut]) == whole, "cut after \(cut) bytes")
        }
        var decoder = KeyDecoder()
        #expect(Self.mixed.flatMap { decoder.feed([$0]) } == whole, "a byte at a time")
        #expect(!decoder.isPending)
        var generator = SeededGenerator(state: 7)
        for _ in 0..<300 {
            let cuts = (0..<Int.random(in: 1...12, using: &generator))
                .map { _ in Int.random(in: 0...Self.mixed.count, using: &generator) }.sorted()
            #expect(decode(Self.mixed, cutAt: cuts) == whole, "cut at \(cuts)")
        }
    }

    @Test func aCollectionThatIsNotContiguousIsReadTheSame() {
        var decoder = KeyDecoder()
        #expect(decoder.feed(Self.mixed.lazy.map { $0 }) == decode(Self.mixed))
        var other = KeyDecoder()
        #expect(other.feed("x\(esc)[A".utf8) == keys(.character("x"), .up))
    }

    // MARK: - Hostile input

    /// Random bytes, most of them what sequences are made of, read in random pieces with
    /// random pauses: nothing crashes, Escape comes only from a lone ESC that timed out,
    /// no character is a control, and without pauses the pieces do not matter.
    @Test func randomBytesNeverCrashNorMakeEscapeUpOrControlCharacters() {
        var generator = SeededGenerator(state: 0x1DEA_5EED)
        let alphabet: [UInt8] = bytes("\(esc)\(esc)\(esc)\(esc)[[[[OOO]P_^X\\;;;:<>?$^@~~~0123456789 12005201ABCDHFPQRSZMIOabcdjxyu")
            + [0x07, 0x0D, 0x0A, 0x09, 0x7F, 0x08, 0x00, 0x01, 0x1A, 0x1C, 0x18, 0x80, 0xBF, 0xC3, 0xA9, 0xE6, 0x9D, 0xF0, 0x9F, 0xFF, 0xC0]
        for round in 0..<200 {
            let count = Int.random(in: 1...1_500, using: &generator)
            var input: [UInt8] = []
            while input.count < count {
                switch Int.random(in: 0..<40, using: &generator) {
                case 0: input += bytes(Self.start)
                case 1: input += bytes(Self.end)
                case 2: input.append(UInt8.random(in: 0...255, using: &generator))
                default: input.append(alphabet.randomElement(using: &generator)!)
                }
            }
            var decoder = KeyDecoder()
            var steady = KeyDecoder()
            var start = 0
            var withPauses: [DecodedInput] = [], withoutPauses: [DecodedInput] = []
            while start < input.count {
                let end = min(input.count, start + Int.random(in: 1...64, using: &generator))
                let fed = decoder.feed(input[start..<end])
                withoutPauses += steady.feed(input[start..<end])
                #expect(fed.filter { $0 == .key(.escape) }.count <= input[start..<end].filter { $0 == 0x1B }.count + 1,
                        "round \(round): Escape without an ESC")
                withPauses += fed
                if Bool.random(using: &generator), Int.random(in: 0..<4, using: &generator) == 0 {
                    let timedOut = decoder.timeout()
                    if timedOut.contains(.key(.escape)) {
                        #expect(input[end - 1] == 0x1B, "round \(round): Escape from a timeout not after an ESC")
                        #expect(timedOut == keys(.escape) || timedOut == keys(.escape, .escape))
                    }
                    #expect(!decoder.isPending)
                    withPauses += timedOut
                }
                start = end
            }
            withPauses += decoder.timeout()
            #expect(!decoder.isPending)
            #expect(withoutPauses.filter { $0 == .key(.escape) }.count <= input.filter { $0 == 0x1B }.count)
            var wholeDecoder = KeyDecoder()
            #expect(wholeDecoder.feed(input) == withoutPauses, "round \(round): the pieces changed the result")
            for output in withPauses + withoutPauses {
                switch output {
                case .key(.character(let character)):
                    #expect(character.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F },
                            "round \(round): a control as a character")
                case .key(.control(let letter)):
                    #expect(("a"..."z").contains(letter))
                case .paste(let text):
                    #expect(!text.isEmpty)
                    #expect(!text.unicodeScalars.contains("\r"))
                default:
                    break
                }
            }
        }
    }
}
