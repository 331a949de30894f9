using System.Net;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using PushInventory.Contracts;
using PushInventory.TestSupport;

namespace PushInventory.Mapping.Tests;

public sealed class EventTests(MappingFixture fixture) : IClassFixture<MappingFixture>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MappingChanged_EachChange_PublishedOnceWithGrowingVersions()
    {
        await using var recorder = await BusRecorder<MappingChanged>.StartAsync(fixture.Factory.Bus);
        var seller = fixture.NewSeller();
        var storeId = Guid.NewGuid();
        var m1 = await seller.MerchantSkuAsync("M-1");
        var m2 = await seller.MerchantSkuAsync("M-2");
        var sku = await seller.StoreSkuAsync(storeId, "S");
        var marker = await seller.StoreSkuAsync(storeId, "MARKER");

        await seller.LinkAsync(sku, m1);
        await seller.LinkAsync(sku, m1);
        await seller.LinkAsync(sku, m2);
        await seller.DeleteLinkAsync(sku);
        await seller.LinkAsync(marker, m1);
        // The outbox publishes a batch concurrently, so arrival order is not save order: wait for all of them,
        // then read them in the order of the versions they carry, as consumers do.
        await recorder.WaitForCountAsync(m => m.StoreSkuId == sku, 3);
        await recorder.WaitForAsync(m => m.StoreSkuId == marker);

        var events = recorder.Messages.Where(m => m.StoreSkuId == sku).OrderBy(e => e.Version).ToList();
        events.Select(e => e.Version).ShouldBe([1L, 2L, 3L]);
        events.Select(e => (e.MerchantSkuIdBefore, e.MerchantSkuIdAfter)).ShouldBe([(null, m1), (m1, m2), (m2, null)]);
        events[1].MerchantSkuCodeAfter.ShouldBe("M-2");
        events.ShouldAllBe(e => e.TenantId == seller.TenantId && e.StoreId == storeId && e.ChangedBy == "test");
        recorder.MessageIds.Distinct().Count().ShouldBe(recorder.MessageIds.Count);
    }

    [Fact]
    public async Task StoreSkuArriving_AutoMapOn_MappedAtOnceAndPublished()
    {
        await using var recorder = await BusRecorder<MappingChanged>.StartAsync(fixture.Factory.Bus);
        var seller = fixture.NewSeller();
        var merchant = await seller.MerchantSkuAsync("AB12");
        (await seller.PutJsonAsync("/api/mapping/normalization", new { autoMapNewStoreSkus = true, ignorePrefix = new { kind = "Fixed", value = "SHP-" } }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var sku = await seller.StoreSkuAsync(Guid.NewGuid(), "shp-ab12");

        var changed = await recorder.WaitForAsync(m => m.StoreSkuId == sku);
        (changed.MerchantSkuIdAfter, changed.ChangedBy, changed.Version).ShouldBe((merchant, "auto-mapping", 1L));
        var link = (await seller.GetJsonAsync<LinkPageDto>("/api/mapping/links")).Items.ShouldHaveSingleItem();
        link.MerchantSkuId.ShouldBe(merchant);
        (await seller.GetJsonAsync<ChangePageDto>("/api/mapping/changes")).Items.ShouldHaveSingleItem().Reason.ShouldBe("AutoMappingOnArrival");
    }

    [Fact]
    public async Task StoreSkuArriving_AutoMapOff_StaysUnmapped()
    {
        var seller = fixture.NewSeller();
        await seller.MerchantSkuAsync("AB12");

        var sku = await seller.StoreSkuAsync(Guid.NewGuid(), "AB12");

        (await seller.GetJsonAsync<LinkPageDto>("/api/mapping/links?unmappedOnly=true")).Items.ShouldHaveSingleItem().StoreSkuId.ShouldBe(sku);
    }

    [Fact]
    public async Task MerchantSkuArriving_AutoMapOn_MapsWaitingStoreSkus()
    {
        var seller = fixture.NewSeller();
        await seller.PutJsonAsync("/api/mapping/normalization", new { autoMapNewStoreSkus = true, ignoreSuffix = new { kind = "LastN", count = 2 } });
        var waiting = await seller.StoreSkuAsync(Guid.NewGuid(), "AB12XL");
        var other = await seller.StoreSkuAsync(Guid.NewGuid(), "CD12XL");

        var merchant = await seller.MerchantSkuAsync("ab12");

        await seller.WaitAsync(db => db.StoreSkus.AnyAsync(s => s.Id == waiting && s.MerchantSkuId == merchant, Ct), "the waiting store SKU mapped");
        (await seller.GetJsonAsync<LinkPageDto>("/api/mapping/links?unmappedOnly=true")).Items.ShouldHaveSingleItem().StoreSkuId.ShouldBe(other);
    }

    [Fact]
    public async Task LinkStoreSku_KnownSkus_MapsAsRequestedByOnce()
    {
        await using var recorder = await BusRecorder<MappingChanged>.StartAsync(fixture.Factory.Bus);
        var seller = fixture.NewSeller();
        var merchant = await seller.MerchantSkuAsync("AB12");
        var sku = await seller.StoreSkuAsync(Guid.NewGuid(), "whatever");
        var command = new LinkStoreSku(seller.TenantId, sku, merchant, "AB12", "user-7", DateTime.UtcNow);
        var messageId = Guid.NewGuid();

        await fixture.Factory.Bus.Publish(command, c => c.MessageId = messageId, Ct);
        await fixture.Factory.Bus.Publish(command, c => c.MessageId = messageId, Ct);

        var changed = await recorder.WaitForAsync(m => m.StoreSkuId == sku);
        (changed.MerchantSkuIdAfter, changed.ChangedBy).ShouldBe((merchant, "user-7"));
        var change = (await seller.GetJsonAsync<ChangePageDto>("/api/mapping/changes")).Items.ShouldHaveSingleItem();
        change.Reason.ShouldBe("LinkCommand");
    }

    [Fact]
    public async Task LinkStoreSku_BeforeTheCatalogEvents_RetriedUntilTheyArrive()
    {
        var seller = fixture.NewSeller();
        var merchant = Guid.NewGuid();
        var sku = Guid.NewGuid();

        await fixture.Factory.Bus.Publish(new LinkStoreSku(seller.TenantId, sku, merchant, "AB12", "catalog", DateTime.UtcNow), Ct);
        await seller.PublishMerchantSkuAsync("AB12", merchant);
        await seller.PublishStoreSkuAsync(Guid.NewGuid(), "AB12-RED", sku);

        await seller.WaitAsync(db => db.StoreSkus.AnyAsync(s => s.Id == sku && s.MerchantSkuId == merchant, Ct), "the link from LinkStoreSku");
    }

    [Fact]
    public async Task StoreSkuDeleted_WhenMapped_DropsLinkWithLogAndEvent()
    {
        await using var recorder = await BusRecorder<MappingChanged>.StartAsync(fixture.Factory.Bus);
        var seller = fixture.NewSeller();
        var storeId = Guid.NewGuid();
        var merchant = await seller.MerchantSkuAsync("AB12");
        var sku = await seller.StoreSkuAsync(storeId, "AB12");
        await seller.LinkAsync(sku, merchant);

        await seller.StoreSkuAsync(storeId, "AB12", sku, version: 2, deleted: true);

        var dropped = await recorder.WaitForAsync(m => m.StoreSkuId == sku && m.Version == 2);
        (dropped.MerchantSkuIdBefore, dropped.MerchantSkuIdAfter, dropped.ChangedBy).ShouldBe((merchant, null, "catalog"));
        (await seller.GetJsonAsync<ChangePageDto>("/api/mapping/changes")).Items[0].Reason.ShouldBe("StoreSkuDeleted");
        (await seller.GetJsonAsync<LinkPageDto>("/api/mapping/links")).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task MerchantSkuDeleted_UnmapsEveryStoreSkuOnIt()
    {
        await using var recorder = await BusRecorder<MappingChanged>.StartAsync(fixture.Factory.Bus);
        var seller = fixture.NewSeller();
        var merchant = await seller.MerchantSkuAsync("AB12");
        var a = await seller.StoreSkuAsync(Guid.NewGuid(), "A");
        var b = await seller.StoreSkuAsync(Guid.NewGuid(), "B");
        await seller.LinkAsync(a, merchant);
        await seller.LinkAsync(b, merchant);

        await seller.MerchantSkuAsync("AB12", merchant, version: 2, deleted: true);

        await recorder.WaitForCountAsync(m => m.TenantId == seller.TenantId && m.MerchantSkuIdAfter == null, 2);
        (await seller.GetJsonAsync<LinkPageDto>("/api/mapping/links?unmappedOnly=true")).Items.Count.ShouldBe(2);
        (await seller.GetJsonAsync<ChangePageDto>("/api/mapping/changes")).Items.Take(2).ShouldAllBe(c => c.Reason == "MerchantSkuDeleted" && c.ChangedBy == "catalog");
    }

    [Fact]
    public async Task StoreSkuChanged_OlderVersionAfterNewer_Ignored()
    {
        var seller = fixture.NewSeller();
        var storeId = Guid.NewGuid();
        var sku = await seller.StoreSkuAsync(storeId, "NEW", version: 2);
        await seller.PublishStoreSkuAsync(storeId, "OLD", sku, version: 1);
        var marker = await seller.StoreSkuAsync(storeId, "MARKER");

        var links = (await seller.GetJsonAsync<LinkPageDto>("/api/mapping/links")).Items;

        links.Select(l => l.StoreSkuId).ShouldContain(marker);
        links.Single(l => l.StoreSkuId == sku).SellerSku.ShouldBe("NEW");
    }
}
