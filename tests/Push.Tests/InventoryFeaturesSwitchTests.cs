using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using PushInventory.Contracts;

namespace PushInventory.Push.Tests;

/// <summary>
/// What does and does not push by itself: the Inventory Features switch turned on, off and on again; and
/// saving a rule, which pushes nothing until Push Now or the next trigger.
/// </summary>
public sealed class InventoryFeaturesSwitchTests(PushFixture fixture)
{
    [Fact]
    public async Task InventoryFeatures_OnOffOn_PushesStopWhileOffAndResume()
    {
        var seller = await Seller.CreateAsync(fixture, features: true);
        var store = await seller.StoreAsync(Marketplace.Shopee, "Shopee switch");
        var merchant = await seller.MerchantAsync("SWITCH-1");
        var sku = await seller.StoreSkuAsync(store, "switch-s");
        await seller.MapAsync(sku, merchant, "SWITCH-1");
        await seller.RuleAsync("real", [store]);

        // On: a stock change is pushed.
        await seller.StockAsync(merchant, "SWITCH-1", 10);
        await seller.WaitForQuantityAsync(sku, 10);
        await seller.WaitForRecordAsync(r => r.Quantity == 10 && r.Status == "Succeeded", "the push of 10 to succeed");
        var callsWhileOn = (await seller.CallsAsync(store)).Count;

        // Off: the Push service takes the new level and computes 20, but sends nothing.
        await SwitchAsync(seller, enabled: false, version: 2);
        await seller.StockAsync(merchant, "SWITCH-1", 20);
        await fixture.WaitForDbAsync(
            db => db.StockLevels.AnyAsync(l => l.TenantId == seller.TenantId && l.MerchantSkuId == merchant && l.Available == 20),
            "the level of 20 in the Push service");
        var held = await seller.WaitForRecordAsync(r => r.Quantity == 20 && r.Status == "Pending", "the computation of 20 while off");

        // The dispatcher has run since: another tenant's change made after it is pushed.
        await PushForAnotherTenantAsync();

        (await seller.QuantityAsync(sku)).ShouldBe(10, "nothing may be pushed while Inventory Features is off");
        (await seller.CallsAsync(store)).Count.ShouldBe(callsWhileOn);
        (await seller.RecordsAsync()).Items.Single(r => r.Id == held.Id).Status.ShouldBe("Pending");

        // On again: what was held is sent, and later changes are pushed.
        await SwitchAsync(seller, enabled: true, version: 3);
        await seller.WaitForQuantityAsync(sku, 20);
        await seller.StockAsync(merchant, "SWITCH-1", 30);
        await seller.WaitForQuantityAsync(sku, 30);
        await seller.WaitForRecordAsync(r => r.Quantity == 30 && r.Status == "Succeeded", "the push of 30 to succeed");
    }

    [Fact]
    public async Task SavingARule_ChangedQuantity_PushesNothingUntilPushNow()
    {
        var seller = await Seller.CreateAsync(fixture, features: true);
        var store = await seller.StoreAsync(Marketplace.Shopee, "Shopee rule save");
        var merchant = await seller.MerchantAsync("SAVE-1");
        var sku = await seller.StoreSkuAsync(store, "save-s");
        await seller.MapAsync(sku, merchant, "SAVE-1");
        var createdAt = DateTime.UtcNow;
        var ruleId = await seller.RuleAsync("real", [store], createdAt: createdAt);
        await seller.StockAsync(merchant, "SAVE-1", 10);
        await seller.WaitForQuantityAsync(sku, 10);
        await seller.WaitForRecordAsync(r => r.Quantity == 10 && r.Status == "Succeeded", "the push of 10 to succeed");
        var calls = (await seller.CallsAsync(store)).Count;
        var records = (await seller.RecordsAsync()).Items.Count;

        await fixture.Factory.Bus.Publish(new PushRuleChanged(
            seller.TenantId, ruleId, "half", 1, true, createdAt, new RuleScope(RuleScopeKind.All, [], [], []), ["WH1"], [store.Id],
            new QuantityFormula(50, 0, Rounding.Down, 0, null), null, null, false, 2, DateTime.UtcNow));
        await fixture.WaitForDbAsync(db => db.Rules.AnyAsync(r => r.Id == ruleId && r.Version == 2), "the saved rule in the Push service");
        await PushForAnotherTenantAsync();

        (await seller.QuantityAsync(sku)).ShouldBe(10, "saving a rule must not push by itself");
        (await seller.CallsAsync(store)).Count.ShouldBe(calls);
        (await seller.RecordsAsync()).Items.Count.ShouldBe(records);

        using var now = await seller.Client.PostAsJsonAsync("/api/push/now", new { });
        now.StatusCode.ShouldBe(HttpStatusCode.Accepted, await now.Content.ReadAsStringAsync());
        await seller.WaitForQuantityAsync(sku, 5);
        (await seller.WaitForRecordAsync(r => r.Quantity == 5 && r.Status == "Succeeded", "Push Now to push by the saved rule")).RuleName.ShouldBe("half");
    }

    async Task SwitchAsync(Seller seller, bool enabled, long version)
    {
        await fixture.Factory.Bus.Publish(new TenantSettingsChanged(seller.TenantId, seller.Plan, enabled, version, DateTime.UtcNow));
        await fixture.WaitForDbAsync(
            db => db.TenantSettings.AnyAsync(t => t.TenantId == seller.TenantId && t.Version == version && t.InventoryFeaturesEnabled == enabled),
            $"Inventory Features {(enabled ? "on" : "off")} in the Push service");
    }

    async Task PushForAnotherTenantAsync()
    {
        var other = await Seller.CreateAsync(fixture);
        var store = await other.StoreAsync(Marketplace.Shopee, "Shopee control");
        var merchant = await other.MerchantAsync("CONTROL-1");
        var sku = await other.StoreSkuAsync(store, "control-s");
        await other.MapAsync(sku, merchant, "CONTROL-1");
        await other.RuleAsync("real", [store]);
        await other.StockAsync(merchant, "CONTROL-1", 7);
        await other.WaitForQuantityAsync(sku, 7);
    }
}
