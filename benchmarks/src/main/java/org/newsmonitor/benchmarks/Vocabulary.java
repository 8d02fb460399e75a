package org.newsmonitor.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Neutral news words in three languages and invented proper names, written for the benchmark. */
final class Vocabulary {
    static final List<String> ENGLISH = List.of((
            "the of and to in a for on that with said as by at from its was has have will be are it this which "
            + "government officials minister ministry week month year report reports market markets prices price "
            + "company companies plan plans project projects talks meeting meetings agreement deal deals statement "
            + "agency spokesman spokeswoman analysts analyst expected growth economy economic policy policies "
            + "country countries region regional national international foreign domestic local city capital "
            + "president prime parliament committee council official sources according percent million billion "
            + "first second third new old large small major minor key main several many few more less most "
            + "increase decrease rise fall rose fell grew dropped record level levels figure figures data "
            + "during after before since until while because although however also still already again "
            + "security defence cooperation relations partners partner partnership trade investment investors "
            + "bank banks currency payments exports imports supply supplies production output demand energy "
            + "visit visited summit leaders leader delegation forum conference press briefing interview "
            + "weather storm floods rain snow winter summer season harvest farmers grain wheat crops "
            + "football match team players season league coach tournament final victory defeat "
            + "university students research science scientists study studies technology digital internet "
            + "court judge trial law laws rules regulation regulations decision decisions vote votes election "
            + "police incident accident fire road roads bridge railway station airport flight flights "
            + "hospital health doctors patients vaccine schools teachers children families workers jobs "
            + "museum exhibition festival film music theatre artists writer book books history culture "
            + "north south east west border province district village island coast river mountains lake "
            + "sources say could would should might must may can cannot did not no yes very quite rather "
            + "monday tuesday wednesday thursday friday saturday sunday january march june september november "
            + "spokesperson representatives delegates negotiators experts observers commentators residents").split(" "));

    static final List<String> RUSSIAN = List.of((
            "и в на с по для что это как из от до за при о не но также уже еще год года году месяц неделю "
            + "правительство министр министерство заявил заявила сообщил сообщила отметил встреча переговоры "
            + "соглашение проект проекты компания компании рынок цены рост снижение экономика экономики "
            + "страна страны регион области город столица президент премьер парламент совет комитет "
            + "данные процентов миллионов миллиардов решение решения закон суд выборы голосование "
            + "погода снег дождь зима лето урожай зерно пшеница футбол матч команда сезон университет "
            + "студенты исследование технологии школа больница врачи музей выставка фестиваль театр книга "
            + "север юг восток запад граница деревня остров река озеро горы дорога мост вокзал аэропорт").split(" "));

    static final List<String> CHINESE = List.of((
            "的 了 在 是 和 与 对 将 已 也 据 表示 指出 认为 政府 部长 会议 会谈 协议 项目 公司 市场 价格 "
            + "增长 下降 经济 国家 地区 城市 首都 主席 总理 议会 委员会 数据 百分之 亿 万 决定 法律 法院 "
            + "选举 天气 下雪 下雨 冬季 夏季 粮食 小麦 足球 比赛 球队 大学 学生 研究 技术 学校 医院 医生 "
            + "博物馆 展览 文化 电影 音乐 书籍 历史 北部 南部 东部 西部 边境 村庄 岛屿 河流 湖泊 山区 道路 "
            + "桥梁 车站 机场 航班 记者 报道 消息 发布 举行 开幕 闭幕 继续 进一步 推动 加强 发展").split(" "));

    private static final String[] SYLLABLES = {"var", "nel", "os", "trik", "am", "bor", "del", "fin", "gal", "hen",
        "ir", "jas", "kol", "lum", "mer", "nod", "pel", "quin", "ros", "sal", "tev", "ul", "vin", "wex", "yar",
        "zor", "cal", "dru", "esk", "fol"};

    private Vocabulary() {
    }

    /** {@code count} distinct invented names (companies, people, places) from a seeded generator. */
    static List<String> inventedNames(int count, long seed) {
        Random random = new Random(seed);
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        while (names.size() < count) {
            int n = 2 + random.nextInt(2);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) {
                sb.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            names.add(sb.toString());
        }
        return new ArrayList<>(names);
    }
}
