using PushInventory.Contracts;
using Shouldly;
using Xunit;

namespace PushInventory.Stock.Tests;

public sealed class MovementTests(StockFixture fixture) : IClassFixture<StockFixture>
{
    static object Move(string id, string sku, string warehouse, string kind, int quantity) =>
        new { id, merchantSkuCode = sku, warehouseCode = warehouse, kind, quantity };

    [Fact]
    public async Task StockIn_KnownSkuAndWarehouse_ChangesLevelAndPublishesVersionOne()
    {
        var t = await fixture.NewTenantAsync(["WH-A"], "SKU-1");

        var result = await t.PostAsync(Move("m1", " sku-1 ", "wh-a", "StockIn", 7));

        result.Applied.ShouldBe(1);
        result.Results[0].Level.ShouldBe(new LevelItem("WH-A", 7, 0, 7, 1));
        var changed = await fixture.StockChanges.WaitForAsync(c => c.TenantId == t.TenantId);
        changed.ShouldSatisfyAllConditions(
            () => changed.MerchantSkuCode.ShouldBe("SKU-1"),
            () => changed.MerchantSkuId.ShouldBe(t.SkuIds["SKU-1"]),
            () => changed.WarehouseCode.ShouldBe("WH-A"),
            () => changed.OnHand.ShouldBe(7),
            () => changed.Available.ShouldBe(7),
            () => changed.Version.ShouldBe(1),
            () => changed.Reason.ShouldBe("StockIn"));
    }

    [Fact]
    public async Task Movement_SameIdTwice_IsDuplicateAndPublishesOnce()
    {
        var t = await fixture.NewTenantAsync(["WH-A"], "SKU-1");
        await t.PostAsync(Move("dup-1", "SKU-1", "WH-A", "StockIn", 3));

        var again = await t.PostAsync(Move("dup-1", "SKU-1", "WH-A", "StockIn", 3));

        again.Duplicates.ShouldBe(1);
        (await t.LevelsAsync("SKU-1")).Levels.Single().OnHand.ShouldBe(3);
        await fixture.StockChanges.WaitForAsync(c => c.TenantId == t.TenantId);
        // A later change of another tenant, saved after the duplicate was refused: once it is here and one more
        // outbox round has passed, a second publish of the first would have arrived too.
        var other = await fixture.NewTenantAsync(["WH-A"], "SKU-1");
        await other.PostAsync(Move("marker", "SKU-1", "WH-A", "StockIn", 1));
        await fixture.StockChanges.WaitForAsync(c => c.TenantId == other.TenantId);
        fixture.StockChanges.Messages.Count(c => c.TenantId == t.TenantId).ShouldBe(1);
    }

    [Fact]
    public async Task Batch_WithOneIdAppliedBefore_AppliesTheRestOnceAndAnswersThatOneDuplicate()
    {
        var t = await fixture.NewTenantAsync(["WH-A"], "SKU-1", "SKU-2");
        await t.PostAsync(Move("mix-1", "SKU-1", "WH-A", "StockIn", 3));

        // The save first trusts the applied ids' key; the id sent again fails it, and the batch is worked out
        // again knowing which ids were applied: nothing of the failed attempt may remain.
        var again = await t.PostAsync(Move("mix-2", "SKU-1", "WH-A", "StockIn", 2), Move("mix-1", "SKU-1", "WH-A", "StockIn", 3), Move("mix-3", "SKU-2", "WH-A", "StockIn", 4));

        (again.Applied, again.Duplicates, again.Rejected).ShouldBe((2, 1, 0));
        again.Results.Select(r => r.Status).ShouldBe(["Applied", "Duplicate", "Applied"]);
        var sku1 = (await t.LevelsAsync("SKU-1")).Levels.Single();
        (sku1.OnHand, sku1.Version).ShouldBe((5, 2));
        (await t.LevelsAsync("SKU-2")).Levels.Single().OnHand.ShouldBe(4);
    }

    [Theory]
    [InlineData("StockOut", 4, 6, 0, "")]
    [InlineData("StockOut", 11, 10, 0, "exceeds available 10")]
    [InlineData("OrderAllocated", 4, 10, 4, "")]
    [InlineData("OrderAllocated", 11, 10, 0, "exceeds available 10")]
    [InlineData("Count", 25, 25, 0, "")]
    [InlineData("Count", 0, 0, 0, "")]
    public async Task Movement_OnTenInStock_AppliesOrRejectsWithReason(string kind, int quantity, int onHand, int allocated, string reason)
    {
        var t = await fixture.NewTenantAsync(["WH-A"], "SKU-1");
        await t.PostAsync(Move("in", "SKU-1", "WH-A", "StockIn", 10));

        var result = await t.PostAsync(Move("m", "SKU-1", "WH-A", kind, quantity));

        var level = (await t.LevelsAsync("SKU-1")).Levels.Single();
        (level.OnHand, level.Allocated).ShouldBe((onHand, allocated));
        if (reason.Length == 0)
        {
            result.Results[0].Status.ShouldBe("Applied");
        }
        else
        {
            result.Results[0].Status.ShouldBe("Rejected");
            result.Results[0].Reason.ShouldNotBeNull().ShouldContain(reason);
        }
    }

    [Fact]
    public async Task OrderLifecycle_AllocateShipRelease_KeepsOnHandAllocatedAndAvailableConsistent()
    {
        var t = await fixture.NewTenantAsync(["WH-A"], "SKU-1");

        var result = await t.PostAsync(
            Move("in", "SKU-1", "WH-A", "StockIn", 10),
            Move("a1", "SKU-1", "WH-A", "OrderAllocated", 4),
            Move("a2", "SKU-1", "WH-A", "OrderAllocated", 3),
            Move("s1", "SKU-1", "WH-A", "OrderShipped", 4),
            Move("r1", "SKU-1", "WH-A", "OrderReleased", 3),
            Move("r2", "SKU-1", "WH-A", "OrderReleased", 1),
            Move("c1", "SKU-1", "WH-A", "Count", 5));

        result.Applied.ShouldBe(6);
        result.Results.Single(r => r.Id == "r2").Reason.ShouldNotBeNull().ShouldContain("exceeds allocated 0");
        var level = (await t.LevelsAsync("SKU-1")).Levels.Single();
        level.ShouldBe(new LevelItem("WH-A", 5, 0, 5, 6));
        await fixture.StockChanges.WaitForCountAsync(c => c.TenantId == t.TenantId, 6);
        fixture.StockChanges.Messages.Where(c => c.TenantId == t.TenantId).Select(c => c.Version).Order().ShouldBe([1, 2, 3, 4, 5, 6]);
    }

    [Fact]
    public async Task LargeBatch_IsPublishedAsFewStockLevelsChanged_EachVersionOnceInOrder()
    {
        var t = await fixture.NewTenantAsync(["WH-A"], "SKU-1", "SKU-2");
        await using var batches = await TestSupport.BusRecorder<StockLevelsChanged>.StartAsync(fixture.Factory.Bus);

        var result = await t.PostAsync([.. Enumerable.Range(0, 700).Select(i => Move($"big-{i}", i % 2 == 0 ? "SKU-1" : "SKU-2", "WH-A", "StockIn", 1))]);

        result.Applied.ShouldBe(700);
        await batches.WaitForCountAsync(b => b.TenantId == t.TenantId, 2);
        var mine = batches.Messages.Where(b => b.TenantId == t.TenantId).ToList();
        // The two messages may arrive in either order (the outbox publishes concurrently); each is in order.
        mine.Select(b => b.Changes.Count).Order().ShouldBe([700 - StockLevelsChanged.MaxChanges, StockLevelsChanged.MaxChanges]);
        mine.ShouldAllBe(b => b.Changes.Zip(b.Changes.Skip(1)).All(p => p.First.MerchantSkuCode != p.Second.MerchantSkuCode || p.First.Version < p.Second.Version));
        var changes = mine.SelectMany(b => b.Changes).ToList();
        changes.ShouldAllBe(c => c.TenantId == t.TenantId);
        foreach (var level in changes.GroupBy(c => c.MerchantSkuCode))
        {
            level.OrderBy(c => c.Version).Select(c => (c.Version, c.OnHand)).ShouldBe(Enumerable.Range(1, 350).Select(v => ((long)v, v)));
        }
    }

    [Fact]
    public async Task Batch_WithRejectedAndUnknownCodes_AppliesTheRest()
    {
        var t = await fixture.NewTenantAsync(["WH-A"], "SKU-1", "SKU-2");

        var result = await t.PostAsync(
            Move("ok1", "SKU-1", "WH-A", "StockIn", 2),
            Move("bad-sku", "NOPE", "WH-A", "StockIn", 2),
            Move("bad-wh", "SKU-1", "WH-Z", "StockIn", 2),
            Move("too-much", "SKU-2", "WH-A", "StockOut", 1),
            Move("ok2", "SKU-2", "WH-A", "StockIn", 5));

        (result.Applied, result.Rejected).ShouldBe((2, 3));
        result.Results.Single(r => r.Id == "bad-sku").Reason.ShouldBe("unknown merchant SKU code 'NOPE'");
        result.Results.Single(r => r.Id == "bad-wh").Reason.ShouldBe("unknown warehouse code 'WH-Z'");
        (await t.LevelsAsync("SKU-2")).Levels.Single().OnHand.ShouldBe(5);
    }

    [Fact]
    public async Task FirstMovement_OfANewLevelRejected_StoresNoLevel()
    {
        var t = await fixture.NewTenantAsync(["WH-A", "WH-B"], "SKU-1");

        var rejected = await t.PostAsync(Move("out-first", "SKU-1", "WH-A", "StockOut", 5));
        var later = await t.PostAsync(Move("out-then-in", "SKU-1", "WH-B", "OrderAllocated", 1), Move("in-after", "SKU-1", "WH-B", "StockIn", 4));

        rejected.Results.Single().Status.ShouldBe("Rejected");
        later.Results.Select(r => r.Status).ShouldBe(["Rejected", "Applied"]);
        // WH-A never had a movement apply: no empty 0/0 level there. WH-B's level starts at the first applied movement.
        (await t.LevelsAsync("SKU-1")).Levels.ShouldBe([new LevelItem("WH-B", 4, 0, 4, 1)]);
        var changed = await fixture.StockChanges.WaitForAsync(c => c.TenantId == t.TenantId);
        (changed.WarehouseCode, changed.Version).ShouldBe(("WH-B", 1L));
    }

    [Fact]
    public async Task ConcurrentMovements_OnOneLevel_LoseNoUpdate()
    {
        var t = await fixture.NewTenantAsync(["WH-A"], "SKU-1");

        var posts = Enumerable.Range(0, 20).Select(i => t.PostAsync(Move($"c{i}", "SKU-1", "WH-A", "StockIn", 1)));
        await Task.WhenAll(posts);

        var level = (await t.LevelsAsync("SKU-1")).Levels.Single();
        (level.OnHand, level.Version).ShouldBe((20, 20));
        await fixture.StockChanges.WaitForCountAsync(c => c.TenantId == t.TenantId, 20);
        fixture.StockChanges.Messages.Where(c => c.TenantId == t.TenantId).Select(c => c.Version).Order().ShouldBe(Enumerable.Range(1, 20).Select(v => (long)v));
    }

    [Fact]
    public async Task StockMovementsReported_FromTheBus_AppliesLikeHttp()
    {
        var t = await fixture.NewTenantAsync(["WH-A"], "SKU-1");

        await fixture.Factory.Bus.Publish(new StockMovementsReported(t.TenantId, [new StockMovement("bus-1", "SKU-1", "WH-A", StockMovementKind.StockIn, 9)]));

        var changed = await fixture.StockChanges.WaitForAsync(c => c.TenantId == t.TenantId);
        (changed.OnHand, changed.Version).ShouldBe((9, 1));
    }

    [Fact]
    public async Task Bundle_ComponentLevelsChange_PublishesBundleAvailability()
    {
        var t = await fixture.NewTenantAsync(["WH-A"], "CUP", "SAUCER");
        var bundleId = Guid.NewGuid();
        await fixture.Factory.Bus.Publish(new MerchantSkuChanged(t.TenantId, bundleId, "CUP-SET", "Cup set", null, true,
            [new BundleComponent(t.SkuIds["CUP"], "CUP", 2), new BundleComponent(t.SkuIds["SAUCER"], "SAUCER", 1)], false, 1, DateTime.UtcNow));
        await PushInventory.TestSupport.Eventually.WaitAsync(async () => (await t.Client.GetAsync("/api/stock/levels?merchantSkuCode=CUP-SET")).IsSuccessStatusCode, TimeSpan.FromSeconds(20), "the bundle to be known");

        await t.PostAsync(Move("b1", "CUP", "WH-A", "StockIn", 9), Move("b2", "SAUCER", "WH-A", "StockIn", 3));

        var bundle = await fixture.StockChanges.WaitForAsync(c => c.MerchantSkuId == bundleId && c.Available == 3);
        bundle.Reason.ShouldBe("BundleComponentChanged");
        (await t.LevelsAsync("CUP-SET")).Levels.Single().Available.ShouldBe(3);
        var refused = await t.PostAsync(Move("b3", "CUP-SET", "WH-A", "StockIn", 1));
        refused.Results[0].Reason.ShouldNotBeNull().ShouldContain("is a bundle");
    }
}
