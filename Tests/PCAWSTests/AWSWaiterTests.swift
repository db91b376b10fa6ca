import PCAWS
import Testing

@Suite struct AWSWaiterTests {
    /// A fake clock: sleeping advances it.
    final class Clock {
        var now = 0.0
        var sleeps: [Double] = []
        func sleep(_ seconds: Double) {
            sleeps.append(seconds)
            now += seconds
        }
    }

    @Test func returnsTheFirstValue() throws {
        let clock = Clock()
        var calls = 0
        let value = try AWSWaiter.wait(
            for: "cluster ACTIVE", timeout: 60, interval: 5, now: { clock.now }, sleep: clock.sleep
        ) { () throws(AWSError) -> String? in
            calls += 1
            return calls == 3 ? "ACTIVE" : nil
        }
        #expect(value == "ACTIVE")
        #expect(calls == 3)
        #expect(clock.sleeps == [5, 5])
    }

    @Test func timesOutWithALastCheckAtTheDeadline() {
        let clock = Clock()
        var calls = 0
        #expect {
            _ = try AWSWaiter.wait(
                for: "mount target fsmt-1 to be available", timeout: 12, interval: 5, now: { clock.now }, sleep: clock.sleep
            ) { () throws(AWSError) -> Int? in
                calls += 1
                return nil
            }
        } throws: { error in
            guard let error = error as? AWSError else { return false }
            return error.code == "WaitTimeout"
                && error.description == "waiting for mount target fsmt-1 to be available: WaitTimeout: "
                    + "not reached after 12 s (checked 4 times, every 5 s)"
        }
        #expect(calls == 4)
        #expect(clock.sleeps == [5, 5, 2])
    }

    @Test func errorsFromTheCheckEndTheWait() {
        let clock = Clock()
        #expect {
            _ = try AWSWaiter.wait(for: "x", timeout: 60, interval: 1, now: { clock.now }, sleep: clock.sleep) {
                () throws(AWSError) -> Int? in
                throw AWSError(code: "AccessDenied", message: "no", service: "ecs", operation: "DescribeClusters")
            }
        } throws: { error in
            (error as? AWSError)?.code == "AccessDenied"
        }
        #expect(clock.sleeps.isEmpty)
    }

    @Test func realClockWaitsRoughlyTheTimeout() throws {
        let started = ContinuousClock.now
        #expect(throws: AWSError.self) {
            _ = try AWSWaiter.wait(for: "never", timeout: 0.2, interval: 0.05) { () throws(AWSError) -> Int? in nil }
        }
        let elapsed = ContinuousClock.now - started
        #expect(elapsed >= .milliseconds(190) && elapsed < .seconds(2))
    }
}
