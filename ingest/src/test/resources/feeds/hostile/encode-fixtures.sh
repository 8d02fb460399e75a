#!/bin/sh
# Writes the legacy-charset fixtures of this corpus: short feeds whose XML declaration names no encoding, in
# windows-1251, KOI8-R, GBK, Big5 and Shift_JIS. Run from this directory; needs iconv.
set -eu

feed() { # title, text
    printf '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>%s</title><link>https://river.example/</link>' "$1"
    printf '<description>%s</description>\n<item><title>%s</title><link>https://river.example/1</link>' "$2" "$1"
    printf '<description>%s</description></item>\n</channel></rss>\n' "$2"
}

RU_TITLE='Паромная переправа через Амур возобновила работу'
RU_TEXT='После ледохода первый паром перевёз сорок машин и автобус. Расписание на лето опубликуют в пятницу.'
feed "$RU_TITLE" "$RU_TEXT" | iconv -f UTF-8 -t WINDOWS-1251 > undeclared-windows1251.xml
feed "$RU_TITLE" "$RU_TEXT" | iconv -f UTF-8 -t KOI8-R > undeclared-koi8r.xml

ZH_TITLE='黑龙江轮渡恢复运营'
ZH_TEXT='冰排过后，第一班渡轮运送了四十辆汽车和一辆客车。夏季时刻表将在星期五公布。'
feed "$ZH_TITLE" "$ZH_TEXT" | iconv -f UTF-8 -t GBK > undeclared-gbk.xml

TW_TITLE='黑龍江輪渡恢復營運'
TW_TEXT='冰排過後，第一班渡輪運送了四十輛汽車和一輛客車。夏季時刻表將在星期五公布。'
feed "$TW_TITLE" "$TW_TEXT" | iconv -f UTF-8 -t BIG5 > undeclared-big5.xml

JA_TITLE='アムール川のフェリーが運航を再開'
JA_TEXT='氷が流れた後、最初のフェリーは車四十台とバス一台を運びました。夏の時刻表は金曜日に発表されます。'
feed "$JA_TITLE" "$JA_TEXT" | iconv -f UTF-8 -t SHIFT_JIS > undeclared-shift_jis.xml
