import InterviewCore

/// A terminal for tests: input comes from a script, each step at a moment of a manual
/// clock: raw bytes as a terminal sends them (decoded by the program's own `KeyDecoder`,
/// a lone ESC becoming Esc after the escape delay, as the ncurses terminal does), or an
/// input already decoded (a resize, a signal). Every update drawn is applied to the
/// screen it keeps, as a terminal would show it, and that screen is kept with the moment
/// it was drawn: a cell the loop forgot to send is missing from the frames. A read moves the clock on to the next step, or by the time it waits when
/// the next step is later. Once the script is over, time goes on for `grace` seconds,
/// then the terminal reads as hung up (SIGHUP), so that no loop under test can wait
/// forever.
public final class ScriptedTerminal: TerminalDevice {
    public struct Step: Sendable {
        enum Content: Sendable {
            case input(TerminalInput)
            case bytes([UInt8])
        }

        public var at: Double
        var content: Content

        public init(at: Double, _ input: TerminalInput) {
            self.at = at
            content = .input(input)
        }

        /// Bytes as the terminal sends them: `"\u{1B}n"` is Alt-n (or Esc then n typed fast).
        public init(at: Double, bytes: some StringProtocol) {
            self.at = at
            content = .bytes(Array(bytes.utf8))
        }

        /// Text typed a key at a time, `every` seconds apart from `at`.
        public static func typing(_ text: String, at start: Double, every gap: Double) -> [Step] {
            text.enumerated().map { Step(at: start + Double($0.offset) * gap, bytes: String($0.element)) }
        }
    }

    /// How long the rest of an escape sequence may take (the ncurses terminal's delay).
    public static let escapeDelay = 0.025

    public private(set) var size: Size
    public let ascii = false
    public let clock: ManualClock
    private var steps: [Step]
    private var next = 0
    private var decoder = KeyDecoder()
    private var decoded: [TerminalInput] = []
    /// The screen after each update, as a terminal would show it.
    public private(set) var frames: [(at: Double, canvas: Canvas)] = []
    public private(set) var updates: [FrameUpdate] = []
    private var screen = Canvas(width: 0, height: 0)
    public private(set) var reads: [(at: Double, timeout: Int)] = []
    public private(set) var closed = false
    public let grace = 5.0

    public init(size: Size, clock: ManualClock, steps: [Step]) {
        self.size = size
        self.clock = clock
        self.steps = steps.sorted { $0.at < $1.at }
    }

    public var lastFrame: Canvas? { frames.last?.canvas }

    public func read(timeout milliseconds: Int) -> TerminalInput {
        reads.append((clock.now(), milliseconds))
        while true {
            if !decoded.isEmpty { return decoded.removeFirst() }
            let end = (steps.last?.at ?? 0) + grace
            let step = next < steps.count ? steps[next] : Step(at: end, .signal(1))
            // Bytes waiting for their rest wait the escape delay, however long the screen would sleep.
            let wait = decoder.isPending ? Self.escapeDelay : Double(milliseconds) / 1000
            guard step.at <= clock.now() + wait else {
                clock.advance(wait)
                if decoder.isPending {
                    decoded += decoder.timeout().map(TerminalInput.init)
                    continue
                }
                return .timeout
            }
            if step.at > clock.now() { clock.advance(step.at - clock.now()) }
            if next < steps.count { next += 1 }
            switch step.content {
            case .bytes(let bytes):
                decoded += decoder.feed(bytes).map(TerminalInput.init)
            case .input(let input):
                if case .resize(let newSize) = input { size = newSize }
                return input
            }
        }
    }

    public func draw(_ update: FrameUpdate) {
        update.apply(to: &screen)
        updates.append(update)
        frames.append((clock.now(), screen))
    }

    public func close() { closed = true }
}
