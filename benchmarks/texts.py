# ruff: noqa: E501  (prose is kept one sentence a line)
"""Clean base material for the generated corpus, written for the project.

Every string here is already what the contract calls clean text in its
locale: Russian and Ukrainian «outer „inner“» quotes, English “outer ‘inner’”
quotes and ’ apostrophes, German „outer ‚inner‘“ quotes, em dashes with
spaces (German: en dashes with spaces), number ranges with an unspaced en
dash, single spaces, no trailing spaces, no invisible characters, and no
``<`` (which would stop HTML-entity decoding). The corpus generator
(:mod:`benchmarks.corpus`) only ever assembles these strings and injects
artefacts into them, so the assembled document *is* the truth.

Words a watermark unit is made of never occur in the prose, and no phrase of
one to four words repeats itself, so the prose cannot look like a watermark.
"""

from __future__ import annotations

from typing import Final

#: Sentences of news and blog prose, by locale.
SENTENCES: Final[dict[str, tuple[str, ...]]] = {
    "ru": (
        "Президент Беларуси Александр Лукашенко в Баку провел переговоры с Президентом Азербайджана Ильхамом Алиевым, сообщает БЕЛТА.",
        "Глава государства прибыл с рабочим визитом в столицу Азербайджана для участия во Всемирном саммите по борьбе с изменением климата.",
        "Президенты отметили интенсивность встреч в последнее время.",
        "Были выработаны 12 направлений, которые как сразу, так и в перспективе призваны продвинуть взаимоотношения двух стран на более высокий уровень.",
        "Андрей Равков также отметил, что ранее была поставлена цель довести объем двусторонней торговли в течение ближайших двух лет до $1 млрд.",
        "Ожидается, что стороны уже по итогам текущего года уверенно преодолели планку в $500 млн, что значительно выше объемов прошлого года.",
        "Городские власти утвердили план ремонта дорог на 2025–2027 годы, и первые работы начнутся уже весной.",
        "«Мы получили больше двух тысяч обращений от жителей и учли почти все», — сказал заместитель мэра Игорь Савельев.",
        "По словам эксперта, спрос на жилье в пригородах вырос на 14,5% за год.",
        "Новая линия метро соединит северные районы с центром, а поездка займет не больше двадцати минут.",
        "Строительство моста через реку обойдется бюджету в 3,2 млрд рублей.",
        "В министерстве пояснили, что документ пока находится на согласовании в профильных ведомствах.",
        "«Это решение давно назрело, и откладывать его дальше было нельзя», — подчеркнул депутат.",
        "Аналитики банка «Восток» считают, что ключевая ставка до конца года не изменится.",
        "Синоптики обещают теплую погоду до середины недели, днем воздух прогреется до +18 градусов.",
        "На выставке представлены работы сорока художников из шести стран.",
        "Организаторы фестиваля «Белые ночи» рассказали, что билеты на закрытие раскупили за два дня.",
        "Площадь нового парка составит 45 км², в нем высадят больше тысячи деревьев.",
        "Поправки к закону № 214 вступят в силу с первого января.",
        "Директор школы отметила, что родители поддержали идею продленного дня.",
        "В прошлом году через порт прошло около 80 млн тонн грузов, рост составил 6%.",
        "Компания «Северный ветер» объявила о запуске завода по выпуску лопастей для ветрогенераторов.",
        "Руководитель проекта уточнил, что первые образцы передадут заказчику в апреле.",
        "Тренер сборной назвал игру «лучшей за сезон» и поблагодарил болельщиков за поддержку.",
        "Стоимость билета на электричку с марта вырастет до 1500 ₽ за месячный абонемент.",
        "Жители дома на улице Садовой жаловались на шум строительной техники по ночам.",
        "Спасатели напоминают, что выходить на тонкий лед опасно, особенно в оттепель.",
        "Как пояснил представитель ведомства, проверка займет не меньше месяца.",
        "Эксперты называют этот рынок одним из самых быстрорастущих в регионе — в среднем на 9% в год.",
        "Пресс-служба университета сообщила, что прием документов продлится до 20 июля.",
        "«Мы не ожидали такого интереса: за первую неделю пришло больше пяти тысяч заявок», — признался ректор.",
        "Лекция «Что такое „зеленая“ экономика» собрала полный зал.",
        "Музей получил в дар коллекцию старинных карт, часть из них покажут уже осенью.",
        "Водителей просят заранее планировать маршрут, так как движение по проспекту будет ограничено.",
        "Жюри отметило спектакль «Вишневый сад» в постановке молодого режиссера.",
        "Цены на овощи за месяц снизились в среднем на 3%, сообщает статистическое управление.",
        "Мэр пообещал, что все работы завершат к началу учебного года.",
        "Сделку оценивают примерно в $120 млн, но стороны не раскрывают условий.",
        "По данным ведомства, в регионе сейчас работает 312 школ и 540 детских садов.",
        "Участники форума обсудили, как цифровые сервисы меняют работу городских служб.",
    ),
    "uk": (
        "Уряд ухвалив програму відновлення мостів на 2025–2027 роки, повідомляє пресслужба міністерства.",
        "Міський голова зазначив, що ремонт школи завершать до початку навчального року.",
        "«Ми отримали понад дві тисячі звернень від мешканців і врахували майже всі», — сказав заступник мера.",
        "За словами експерта, попит на житло в передмістях зріс на 12% за рік.",
        "Нова лінія трамвая з’єднає північні райони з центром міста.",
        "Будівництво об’їзної дороги обійдеться бюджету в $300 млн.",
        "У міністерстві пояснили, що документ поки що перебуває на погодженні.",
        "«Це рішення давно назріло, і відкладати його далі було не можна», — наголосив депутат.",
        "Синоптики обіцяють теплу погоду до середини тижня, вдень повітря прогріється до +17 градусів.",
        "На виставці представлено роботи сорока художників із шести країн.",
        "Організатори фестивалю «Київські літа» розповіли, що квитки на закриття розкупили за два дні.",
        "Площа нового парку становитиме 30 км², у ньому висадять понад тисячу дерев.",
        "Зміни до закону № 118 наберуть чинності з першого січня.",
        "Директорка ліцею зазначила, що батьки підтримали ідею групи продовженого дня.",
        "Минулого року через порт пройшло близько 60 млн тонн вантажів, зростання становило 5%.",
        "Компанія «Південний вітер» оголосила про запуск заводу з виробництва сонячних панелей.",
        "Керівник проєкту уточнив, що перші зразки передадуть замовникові у квітні.",
        "Тренер збірної назвав гру «найкращою за сезон» і подякував уболівальникам.",
        "Вартість місячного проїзного з березня зросте до 250 ₴.",
        "Мешканці будинку на вулиці Садовій скаржилися на шум техніки вночі.",
        "Рятувальники нагадують, що виходити на тонку кригу небезпечно, особливо під час відлиги.",
        "Як пояснив представник відомства, перевірка триватиме щонайменше місяць.",
        "Експерти називають цей ринок одним із найшвидших у регіоні — в середньому плюс 8% на рік.",
        "Приймальна комісія університету повідомила, що вступна кампанія триватиме до 20 липня.",
        "«Ми не очікували такого інтересу: за перший тиждень надійшло понад п’ять тисяч заявок», — визнав ректор.",
        "Лекція «Що таке „зелена“ економіка» зібрала повну залу.",
        "Музей отримав у дар колекцію старовинних мап, частину з них покажуть уже восени.",
        "Водіїв просять заздалегідь планувати маршрут, адже рух проспектом буде обмежено.",
        "Ціни на овочі за місяць знизилися в середньому на 2%, повідомляє служба статистики.",
        "Угоду оцінюють приблизно в $80 млн, але сторони не розкривають умов.",
        "За даними відомства, у регіоні зараз працює 280 шкіл і 410 дитячих садків.",
        "Учасники форуму обговорили, як цифрові сервіси змінюють роботу міських служб.",
        "Об’єднання громад подало заявку на грант для ремонту амбулаторії.",
        "Волонтери зібрали гроші на генератори для трьох лікарень області.",
    ),
    "en": (
        "The city council approved a plan to repair roads in 2025–2027, and the first works will start in spring.",
        "“We received more than two thousand requests from residents and took almost all of them into account,” said deputy mayor Helen Carter.",
        "According to the analyst, demand for suburban housing rose by 14.5% over the year.",
        "The new metro line will connect the northern districts with the centre, and the trip will take no more than twenty minutes.",
        "The bridge is expected to cost about $2.5 billion, the ministry said in a statement.",
        "Officials explained that the document is still being reviewed by several departments.",
        "“This decision is long overdue, and we couldn’t put it off any longer,” the senator stressed.",
        "Economists at Procter & Gamble expect consumer prices to stay flat until the end of the year.",
        "Forecasters promise warm weather until the middle of the week, with temperatures reaching 18 degrees.",
        "The exhibition shows the work of forty artists from six countries.",
        "The organisers said that tickets for the closing night sold out in two days.",
        "The new park will cover 45 hectares, and more than a thousand trees will be planted there.",
        "The head teacher said that parents supported the idea of an extended school day.",
        "Last year about 80 million tonnes of cargo passed through the port, a rise of 6%.",
        "The company announced it would open a factory that makes blades for wind turbines.",
        "The project manager said the first samples would be delivered to the customer in April.",
        "The coach called it “the best game of the season” and thanked the fans for their support.",
        "A monthly rail pass will cost $40 from March, up from $35.",
        "Residents of the building have complained about construction noise at night.",
        "Rescuers remind people that walking on thin ice is dangerous, especially during a thaw.",
        "As a spokesperson for the agency explained, the review will take at least a month.",
        "Experts call this one of the fastest-growing markets in the region — on average 9% a year.",
        "The university said it would accept applications until 20 July.",
        "“We didn’t expect so much interest: more than five thousand people applied in the first week,” the dean admitted.",
        "Her talk, “What ‘green’ economics really means,” drew a full house.",
        "The museum has received a collection of old maps as a gift, and some of them will be shown in autumn.",
        "Drivers are asked to plan their routes in advance, as traffic on the avenue will be restricted.",
        "The deal is valued at roughly $120 million, but neither side has disclosed the terms.",
        "In this post I’ll show how we cut our build time in half without buying new hardware.",
        "It’s easy to forget that most of the time goes into waiting for the network, not into computing.",
        "The team at Smith & Wesson Labs measured every step before changing anything.",
        "That’s why we moved the cache next to the workers, which saved about 40% of the time.",
        "The final score was 3 - 1, and the home side moved up to second place.",
        "Participants of the forum discussed how digital services are changing the way city departments work.",
        "The mayor promised that all the work would be finished before the school year begins.",
        "According to the agency, the region now has 312 schools and 540 kindergartens.",
    ),
    "de": (
        "Der Stadtrat hat den Plan zur Sanierung der Straßen für 2025–2027 beschlossen, die ersten Arbeiten beginnen im Frühjahr.",
        "„Wir haben mehr als zweitausend Hinweise von Bürgern erhalten und fast alle berücksichtigt“, sagte die stellvertretende Bürgermeisterin.",
        "Nach Angaben des Verbands stieg die Nachfrage nach Wohnungen im Umland um 14,5 % innerhalb eines Jahres.",
        "Die neue U-Bahn-Linie verbindet die nördlichen Stadtteile mit der Innenstadt, die Fahrt dauert höchstens zwanzig Minuten.",
        "Der Bau der Brücke kostet voraussichtlich 250 Mio. €, teilte das Ministerium mit.",
        "Im Ministerium hieß es, das Papier werde noch von mehreren Behörden geprüft.",
        "„Diese Entscheidung ist längst überfällig, und wir konnten sie nicht länger aufschieben“, betonte der Abgeordnete.",
        "Ökonomen der Firma Müller & Söhne erwarten, dass die Preise bis zum Jahresende stabil bleiben.",
        "Die Meteorologen versprechen warmes Wetter bis zur Wochenmitte, tagsüber werden bis zu 18 Grad erreicht.",
        "Die Ausstellung zeigt Werke von vierzig Künstlern aus sechs Ländern.",
        "Die Veranstalter des Festivals berichteten, dass die Karten für den Abschlussabend in zwei Tagen ausverkauft waren.",
        "Der neue Park wird 45 Hektar groß, dort werden mehr als tausend Bäume gepflanzt.",
        "Die Schulleiterin sagte, dass die Eltern die Idee der Ganztagsschule unterstützen.",
        "Im vergangenen Jahr wurden im Hafen rund 80 Mio. Tonnen Fracht umgeschlagen, ein Plus von 6 %.",
        "Das Unternehmen kündigte an, ein Werk für Rotorblätter von Windkraftanlagen zu eröffnen.",
        "Der Projektleiter erklärte, die ersten Muster würden im April an den Kunden geliefert.",
        "Der Trainer nannte es „das beste Spiel der Saison“ und dankte den Fans für ihre Unterstützung.",
        "Eine Monatskarte für die S-Bahn kostet ab März 89 €, bisher waren es 79 €.",
        "Die Bewohner des Hauses beschwerten sich über den Lärm der Baumaschinen in der Nacht.",
        "Die Rettungskräfte erinnern daran, dass das Betreten von dünnem Eis gefährlich ist, besonders bei Tauwetter.",
        "Wie ein Sprecher der Behörde erklärte, wird die Prüfung mindestens einen Monat dauern.",
        "Experten nennen diesen Markt einen der am schnellsten wachsenden in der Region – im Schnitt um 9 % pro Jahr.",
        "Die Universität teilte mit, dass Bewerbungen bis zum 20. Juli angenommen werden.",
        "„Wir haben nicht mit so viel Interesse gerechnet: In der ersten Woche kamen über fünftausend Bewerbungen“, gab der Dekan zu.",
        "Der Vortrag „Was ‚grüne‘ Wirtschaft wirklich bedeutet“ war restlos ausverkauft.",
        "Das Museum hat eine Sammlung alter Landkarten geschenkt bekommen, einige davon werden im Herbst gezeigt.",
        "Autofahrer werden gebeten, ihre Route vorab zu planen, da der Verkehr auf der Allee eingeschränkt wird.",
        "Der Wert des Geschäfts wird auf etwa 120 Mio. € geschätzt, doch beide Seiten schweigen über die Bedingungen.",
        "In diesem Beitrag zeige ich, wie wir die Bauzeit halbiert haben, ohne neue Hardware zu kaufen.",
        "Man vergisst leicht, dass die meiste Zeit mit dem Warten auf das Netz vergeht und nicht mit Rechnen.",
        "Deshalb haben wir den Zwischenspeicher neben die Rechner gelegt, was etwa 40 % der Zeit gespart hat.",
        "Die Teilnehmer des Forums diskutierten, wie digitale Dienste die Arbeit der städtischen Ämter verändern.",
        "Der Bürgermeister versprach, dass alle Arbeiten vor dem Beginn des Schuljahres abgeschlossen werden.",
        "Nach Angaben der Behörde gibt es in der Region derzeit 312 Schulen und 540 Kindergärten.",
    ),
}

#: Headlines (a document starts with ``# `` and one of these).
TITLES: Final[dict[str, tuple[str, ...]]] = {
    "ru": (
        "Лукашенко и Алиев провели в Баку переговоры",
        "В городе начнется ремонт дорог",
        "Новая линия метро откроется в следующем году",
        "Фестиваль «Белые ночи» подвел итоги",
        "Цены на овощи снизились третий месяц подряд",
        "Порт увеличил грузооборот на 6%",
        "Университет продлил прием документов",
    ),
    "uk": (
        "Уряд ухвалив програму відновлення мостів",
        "У місті розпочнеться ремонт шкіл",
        "Фестиваль «Київські літа» підбив підсумки",
        "Ціни на овочі знизилися третій місяць поспіль",
        "Університет продовжив вступну кампанію",
    ),
    "en": (
        "City council approves road repair plan",
        "New metro line to open next year",
        "How we cut our build time in half",
        "Port traffic up 6% on last year",
        "Museum receives a collection of old maps",
    ),
    "de": (
        "Stadtrat beschließt Sanierung der Straßen",
        "Neue U-Bahn-Linie öffnet im nächsten Jahr",
        "Wie wir unsere Bauzeit halbiert haben",
        "Hafen steigert den Umschlag um 6 %",
        "Museum erhält Sammlung alter Landkarten",
    ),
}

#: Sub-headings (``## `` lines inside longer documents).
SUBHEADINGS: Final[dict[str, tuple[str, ...]]] = {
    "ru": ("Что изменится", "Мнение экспертов", "Цифры", "Что дальше", "Реакция жителей"),
    "uk": ("Що зміниться", "Думка експертів", "Цифри", "Що далі"),
    "en": ("What changes", "What the experts say", "The numbers", "What comes next"),
    "de": ("Was sich ändert", "Was Experten sagen", "Die Zahlen", "Wie es weitergeht"),
}

#: List items (consecutive ``- `` or ``1. `` lines).
LIST_ITEMS: Final[dict[str, tuple[str, ...]]] = {
    "ru": (
        "ремонт двенадцати улиц в центре",
        "новые остановки на окраинах",
        "освещение во дворах",
        "велодорожки вдоль набережной",
        "Пешеходный мост через реку",
        "Парковки у станций метро",
    ),
    "uk": (
        "ремонт дванадцяти вулиць у центрі",
        "нові зупинки на околицях",
        "освітлення у дворах",
        "Пішохідний міст через річку",
        "Велодоріжки вздовж набережної",
    ),
    "en": (
        "repairs to twelve streets in the centre",
        "new bus stops in the suburbs",
        "better lighting in courtyards",
        "A footbridge across the river",
        "Cycle lanes along the embankment",
    ),
    "de": (
        "Sanierung von zwölf Straßen in der Innenstadt",
        "neue Haltestellen am Stadtrand",
        "bessere Beleuchtung in den Höfen",
        "Eine Fußgängerbrücke über den Fluss",
        "Radwege entlang der Uferpromenade",
    ),
}

#: Block quotes (a ``> `` line).
BLOCK_QUOTES: Final[dict[str, tuple[str, ...]]] = {
    "ru": (
        "> «Город должен быть удобным для всех, а не только для водителей», — считает архитектор.",
    ),
    "uk": ("> «Місто має бути зручним для всіх, а не лише для водіїв», — вважає архітектор.",),
    "en": ("> “A city should work for everyone, not only for drivers,” the architect says.",),
    "de": (
        "> „Eine Stadt muss für alle funktionieren, nicht nur für Autofahrer“, sagt die Architektin.",
    ),
}

#: Sentences with a verbatim span (a URL or inline code); blog documents only.
VERBATIM_SENTENCES: Final[dict[str, tuple[str, ...]]] = {
    "ru": (
        "Полный текст решения опубликован на сайте https://example.org/docs/2025/plan и доступен всем.",
    ),
    "uk": (
        "Повний текст рішення опубліковано на сайті https://example.org/ua/plan і доступний усім.",
    ),
    "en": (
        "Run `pip install textclean` to try it, or read the notes at https://example.org/notes first.",
        'The whole change was one line: `cache_dir = "/var/cache/build"` in the config.',
    ),
    "de": ("Die Anleitung steht unter https://example.org/de/anleitung und wird laufend ergänzt.",),
}

#: Fenced code blocks; blog documents only. Contents are verbatim: the
#: doubled spaces and straight quotes inside must survive.
CODE_BLOCKS: Final[tuple[str, ...]] = (
    '```python\nimport textclean\n\ntext = "a  b , c"  # kept as it is\nprint(textclean.clean(text))\n```',
    "```\n$ make build -j 2\n$ time make test   # about 40 s\n```",
)

#: Watermark units. None of their words occurs in the prose.
WATERMARK_UNITS: Final[tuple[tuple[str, int], ...]] = (
    # (unit, minimum repeats the contract asks for)
    ("WWW.BELTA.BY", 3),
    ("WWW.NOVOSTI-DNYA.RU", 3),
    ("news-portal.com.ua", 3),
    ("www.tagesblatt-online.de", 3),
    ("@citywirebot", 3),
    ("© Медиахолдинг Восход", 3),
    ("© Stadtkurier", 3),
    ("ПОДПИСЫВАЙТЕСЬ", 5),
    ("Реклама партнера", 5),
    ("Sponsored content", 5),
)

#: Separators allowed between watermark units.
WATERMARK_SEPARATORS: Final[tuple[str, ...]] = (" ", " ", " | ", " · ", " • ", " / ")
