import InterviewKit

/// A terminal for tests: input comes from a script, each step at a moment of a manual
/// clock; every frame drawn is kept with the moment it was drawn. A read moves the
/// clock on to the next step, or by the time it waits when the next step is later.
/// Once the script is over, time goes on for `grace` seconds (keys waiting for their
/// burst to end are judged), then the terminal reads as hung up (SIGHUP), so that no
/// loop under test can wait forever.
public final class ScriptedTerminal: TerminalDevice {
    public struct Step: Sendable {
        public var at: Double
        public var input: TerminalInput
        public init(at: Double, _ input: TerminalInput) {
            self.at = at
            self.input = input
        }
    }

    public private(set) var size: Size
    public let ascii = false
    public let clock: ManualClock
    private var steps: [Step]
    private var next = 0
    public private(set) var frames: [(at: Double, canvas: Canvas)] = []
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
        let end = (steps.last?.at ?? 0) + grace
        let step = next < steps.count ? steps[next] : Step(at: end, .signal(1))
        let waitUntil = clock.now() + Double(milliseconds) / 1000
        guard step.at <= waitUntil else {
            clock.advance(Double(milliseconds) / 1000)
            return .timeout
        }
        if step.at > clock.now() { clock.advance(step.at - clock.now()) }
        if next < steps.count { next += 1 }
        if case .resize(let newSize) = step.input { size = newSize }
        return step.input
    }

    public func draw(_ frame: Canvas) {
        frames.append((clock.now(), frame))
    }

    public func close() { closed = true }
}
