using PushInventory.Push.Dispatch;

namespace PushInventory.Push.Tests;

/// <summary>A store the dispatcher holds waits for the next commit; it must neither miss one nor wake without one.</summary>
public sealed class DispatchSignalTests
{
    [Fact]
    public async Task NextChange_TakenBeforeACommit_CompletesOnIt_AndWakesTheMainLoopToo()
    {
        using var signal = new DispatchSignal();
        var first = signal.NextChange;
        var second = signal.NextChange;
        first.IsCompleted.ShouldBeFalse("nothing was committed yet");

        signal.Committed();

        // Every holder that took it before the commit is woken, not only one.
        await first.WaitAsync(TimeSpan.FromSeconds(5));
        await second.WaitAsync(TimeSpan.FromSeconds(5));
        (await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None)).ShouldBeTrue("the main loop is woken as well");
    }

    [Fact]
    public void NextChange_TakenAfterACommit_WaitsForTheNextOne()
    {
        using var signal = new DispatchSignal();
        signal.Committed();

        var next = signal.NextChange;
        next.IsCompleted.ShouldBeFalse("a commit before it was taken is not a change it waits for");
        signal.Committed();
        next.IsCompleted.ShouldBeTrue();
    }
}
