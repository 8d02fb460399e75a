/**
 * WebSub (W3C, formerly PubSubHubbub) push for feeds that advertise a hub: discovery ({@link
 * org.newsmonitor.ingest.websub.HubLinks}), a feed's subscription at one of its hubs, its lease and which hub comes
 * next when it fails ({@link org.newsmonitor.ingest.websub.Subscription}), the signature of deliveries ({@link
 * org.newsmonitor.ingest.websub.DeliverySignature}), the requests to hubs ({@link
 * org.newsmonitor.ingest.websub.HubClient}, through the outbound SSRF guard) and the subscriber that ties them together
 * ({@link org.newsmonitor.ingest.websub.WebSubSubscriber}) behind the callback on the ingest HTTP listener ({@link
 * org.newsmonitor.ingest.websub.WebSubCallback}). Pushed documents are handed to the poller's own path (parse,
 * normalise, de-duplicate, publish); polling goes on, relaxed while a subscription is healthy.
 */
package org.newsmonitor.ingest.websub;
