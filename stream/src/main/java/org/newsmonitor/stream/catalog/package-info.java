/**
 * The theme set in force: {@link org.newsmonitor.stream.catalog.ThemeCatalogStore} is a global store fed by the
 * compacted {@code news-themes} topic that compiles each theme as it arrives, keeps the previous valid version when
 * a new one does not compile, and reports per-theme {@link org.newsmonitor.stream.catalog.ThemeStatus}.
 * {@link org.newsmonitor.matching.ThemeDefinitions} converts between the wire record and the themes library.
 */
package org.newsmonitor.stream.catalog;
