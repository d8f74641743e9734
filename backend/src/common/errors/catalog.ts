import type { LocalizedText } from '@qadam/contracts';

interface ErrorSpec {
  status: number;
  message: LocalizedText;
}

/**
 * Every error the API can answer with: a stable code (clients branch on it), its HTTP status,
 * and a message a teacher can act on, in kk, ru and en. `{name}` placeholders are filled from
 * the error's params.
 */
export const ERRORS = {
  VALIDATION_FAILED: {
    status: 400,
    message: {
      kk: 'Кейбір өрістер дұрыс толтырылмаған. Белгіленген өрістерді түзетіңіз.',
      ru: 'Некоторые поля заполнены неверно. Исправьте отмеченные поля.',
      en: 'Some fields are not filled in correctly. Please correct the marked fields.',
    },
  },
  MALFORMED_REQUEST: {
    status: 400,
    message: {
      kk: 'Сұраудың пішімі қате, оны оқу мүмкін болмады.',
      ru: 'Запрос имеет неверный формат, его не удалось прочитать.',
      en: 'The request is malformed and could not be read.',
    },
  },
  UNAUTHENTICATED: {
    status: 401,
    message: {
      kk: 'Жүйеге кіріңіз немесе қайта кіріңіз.',
      ru: 'Войдите в систему или войдите снова.',
      en: 'Please sign in, or sign in again.',
    },
  },
  INVALID_CREDENTIALS: {
    status: 401,
    message: {
      kk: 'Электрондық пошта немесе құпиясөз қате.',
      ru: 'Неверный адрес электронной почты или пароль.',
      en: 'Wrong email or password.',
    },
  },
  INVALID_REFRESH_TOKEN: {
    status: 401,
    message: {
      kk: 'Сессияның мерзімі бітті. Қайта кіріңіз.',
      ru: 'Сеанс истёк. Войдите снова.',
      en: 'Your session has expired. Please sign in again.',
    },
  },
  REFRESH_TOKEN_REUSED: {
    status: 401,
    message: {
      kk: 'Қауіпсіздік үшін барлық құрылғылардағы сессия аяқталды. Қайта кіріңіз.',
      ru: 'В целях безопасности сеанс завершён на всех устройствах. Войдите снова.',
      en: 'For your security, your session was ended on all devices. Please sign in again.',
    },
  },
  FORBIDDEN: {
    status: 403,
    message: {
      kk: 'Бұл әрекетке рұқсатыңыз жоқ.',
      ru: 'У вас нет прав на это действие.',
      en: 'You do not have permission to do this.',
    },
  },
  NOT_FOUND: {
    status: 404,
    message: {
      kk: 'Сұралған нысан табылмады.',
      ru: 'Запрошенный объект не найден.',
      en: 'The requested item was not found.',
    },
  },
  EMAIL_TAKEN: {
    status: 409,
    message: {
      kk: 'Бұл электрондық пошта бұрын тіркелген. Кіріңіз немесе басқа поштаны көрсетіңіз.',
      ru: 'Этот адрес электронной почты уже зарегистрирован. Войдите или укажите другой адрес.',
      en: 'This email is already registered. Sign in, or use another email.',
    },
  },
  IIN_TAKEN: {
    status: 409,
    message: {
      kk: 'Бұл ЖСН басқа тіркелгіде көрсетілген. Қате деп ойласаңыз, қолдау қызметіне жазыңыз.',
      ru: 'Этот ИИН уже указан в другой учётной записи. Если это ошибка, напишите в поддержку.',
      en: 'This IIN is already used by another account. If this is a mistake, contact support.',
    },
  },
  CANNOT_REMOVE_OWN_ADMIN: {
    status: 409,
    message: {
      kk: 'Өзіңізден әкімші рөлін ала алмайсыз: мұны басқа әкімші жасауы керек.',
      ru: 'Нельзя снять роль администратора с себя: это должен сделать другой администратор.',
      en: 'You cannot remove your own admin role; another admin must do it.',
    },
  },
  LADDER_PREREQUISITE: {
    status: 409,
    message: {
      kk: 'Бұл курсқа жазылу үшін мыналар қажет: {missing}.',
      ru: 'Чтобы записаться на этот курс, нужно: {missing}.',
      en: 'To enrol in this course you need: {missing}.',
    },
  },
  ALREADY_ENROLLED: {
    status: 409,
    message: {
      kk: 'Сіз бұл курсқа жазылғансыз немесе өтініміңіз қаралуда.',
      ru: 'Вы уже записаны на этот курс или ваша заявка рассматривается.',
      en: 'You are already enrolled in this course, or your application is being considered.',
    },
  },
  COHORT_FULL: {
    status: 409,
    message: {
      kk: 'Бұл топта бос орын да, күту тізімінде орын да қалмады. Басқа топты таңдаңыз.',
      ru: 'В этой группе не осталось ни мест, ни мест в листе ожидания. Выберите другую группу.',
      en: 'This cohort has no seats and no waitlist places left. Please choose another cohort.',
    },
  },
  ENROLMENT_CLOSED: {
    status: 409,
    message: {
      kk: 'Бұл топқа жазылу {opens} мен {closes} аралығында ашық. Қазір өтінім қабылданбайды.',
      ru: 'Запись в эту группу открыта с {opens} по {closes}. Сейчас заявки не принимаются.',
      en: 'Enrolment in this cohort is open from {opens} to {closes}. Applications are not accepted now.',
    },
  },
  COHORT_REQUIRED: {
    status: 409,
    message: {
      kk: 'Бұл курс топпен өтеді: жазылу үшін ашық топтардың бірін таңдаңыз.',
      ru: 'Этот курс проходит в группах: чтобы записаться, выберите одну из открытых групп.',
      en: 'This course runs in cohorts: choose one of the open cohorts to apply.',
    },
  },
  NOT_ENROLLED: {
    status: 403,
    message: {
      kk: 'Сабақтарды ашу үшін курсқа жазылыңыз.',
      ru: 'Чтобы открыть уроки, запишитесь на курс.',
      en: 'Enrol in the course to open its lessons.',
    },
  },
  APPLICATION_DECIDED: {
    status: 409,
    message: {
      kk: 'Бұл өтінім бойынша шешім бұрын қабылданған.',
      ru: 'По этой заявке решение уже принято.',
      en: 'This application has already been decided.',
    },
  },
  CANNOT_WITHDRAW: {
    status: 409,
    message: {
      kk: 'Аяқталған немесе бұрын тоқтатылған курстан шығу мүмкін емес.',
      ru: 'Нельзя отписаться от завершённого или уже прекращённого курса.',
      en: 'You cannot leave a course you have completed or already left.',
    },
  },
  SLUG_TAKEN: {
    status: 409,
    message: {
      kk: '«{slug}» сілтеме атауы бос емес. Басқа атау таңдаңыз.',
      ru: 'Адрес «{slug}» уже занят. Выберите другой.',
      en: 'The address "{slug}" is already taken. Choose another one.',
    },
  },
  COHORT_CODE_TAKEN: {
    status: 409,
    message: {
      kk: '«{code}» коды бар топ бар. Басқа код таңдаңыз.',
      ru: 'Группа с кодом «{code}» уже существует. Выберите другой код.',
      en: 'A cohort with the code "{code}" already exists. Choose another code.',
    },
  },
  COURSE_NOT_PUBLISHED: {
    status: 409,
    message: {
      kk: 'Курс әлі жарияланбаған: алдымен оның нұсқасын жариялаңыз.',
      ru: 'Курс ещё не опубликован: сначала опубликуйте его версию.',
      en: 'The course is not published yet: publish a version of it first.',
    },
  },
  NO_DRAFT: {
    status: 409,
    message: {
      kk: 'Бұл курстың өңделіп жатқан жобасы жоқ.',
      ru: 'У этого курса нет черновика в работе.',
      en: 'This course has no draft in progress.',
    },
  },
  DRAFT_LOCKED: {
    status: 409,
    message: {
      kk: 'Жоба сараптамада немесе мақұлданған, оны өңдеуге болмайды. Оны пікірмен қайтарғаннан кейін өңдей аласыз.',
      ru: 'Черновик на рецензии или уже одобрен, его нельзя изменять. Править можно после возврата с замечаниями.',
      en: 'The draft is in review or approved and cannot be edited. You can edit it once it is returned with comments.',
    },
  },
  DRAFT_FROM_EDITOR: {
    status: 409,
    message: {
      kk: '«{slug}» курсының редакторда өңделіп жатқан жобасы бар; пакетті импорттау оны жояды. Алдымен жобаны жариялаңыз немесе қайтарыңыз.',
      ru: 'У курса «{slug}» есть черновик, который правят в редакторе; импорт пакета затёр бы его. Сначала опубликуйте или отклоните черновик.',
      en: 'The course "{slug}" has a draft being edited in the editor; importing the package would overwrite it. Publish or discard the draft first.',
    },
  },
  NOT_IN_REVIEW: {
    status: 409,
    message: {
      kk: 'Жоба сараптамаға жіберілмеген.',
      ru: 'Черновик не отправлен на рецензию.',
      en: 'The draft has not been submitted for review.',
    },
  },
  NOT_APPROVED: {
    status: 409,
    message: {
      kk: 'Тек мақұлданған нұсқаны жариялауға болады.',
      ru: 'Опубликовать можно только одобренную версию.',
      en: 'Only an approved version can be published.',
    },
  },
  SELF_REVIEW: {
    status: 403,
    message: {
      kk: 'Өзіңіз жіберген жобаны өзіңіз мақұлдай алмайсыз: оны басқа автор немесе әкімші қарауы керек.',
      ru: 'Нельзя рецензировать собственный черновик: его должен проверить другой автор или администратор.',
      en: 'You cannot review your own submission: another author or an admin must review it.',
    },
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    message: {
      kk: 'Жіберілген деректер тым үлкен.',
      ru: 'Отправленные данные слишком велики.',
      en: 'The data sent is too large.',
    },
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    message: {
      kk: 'Деректер JSON пішімінде (application/json) жіберілуі керек.',
      ru: 'Данные нужно отправлять в формате JSON (application/json).',
      en: 'Data must be sent as JSON (application/json).',
    },
  },
  NO_ATTEMPTS_LEFT: {
    status: 409,
    message: {
      kk: 'Бұл тестке берілген әрекеттердің бәрі пайдаланылды ({allowed}).',
      ru: 'Все попытки для этого теста использованы ({allowed}).',
      en: 'You have used all the attempts allowed for this test ({allowed}).',
    },
  },
  ATTEMPT_CLOSED: {
    status: 409,
    message: {
      kk: 'Бұл әрекет аяқталды (тапсырылды немесе уақыты бітті): жауап енді сақталмайды. Бұған дейін сақталған жауаптар сақтаулы.',
      ru: 'Эта попытка завершена (сдана или время вышло): ответ больше не сохраняется. Ответы, сохранённые раньше, остались.',
      en: 'This attempt is over (submitted or out of time), so the answer was not saved. Answers saved before are kept.',
    },
  },
  ASSESSMENT_NOT_AVAILABLE: {
    status: 409,
    message: {
      kk: 'Тест қазір қолжетімсіз: ол {from} бастап {until} дейін ашық.',
      ru: 'Тест сейчас недоступен: он открыт с {from} до {until}.',
      en: 'The test is not open now: it is open from {from} until {until}.',
    },
  },
  ASSESSMENT_NOT_READY: {
    status: 409,
    message: {
      kk: 'Бұл тестке сұрақтар әлі қосылмаған. Курс авторына хабарлаңыз.',
      ru: 'В этот тест ещё не добавлены вопросы. Сообщите автору курса.',
      en: 'This test has no questions yet. Please tell the course author.',
    },
  },
  NOT_AWAITING_GRADE: {
    status: 409,
    message: {
      kk: 'Бұл жауап қолмен бағаланбайды немесе әрекет әлі тапсырылмаған.',
      ru: 'Этот ответ не оценивается вручную или попытка ещё не сдана.',
      en: 'This answer is not graded by hand, or the attempt has not been submitted yet.',
    },
  },
  BANK_KEY_TAKEN: {
    status: 409,
    message: {
      kk: '«{key}» кілті бар сұрақтар банкі бұрыннан бар.',
      ru: 'Банк вопросов с ключом «{key}» уже существует.',
      en: 'A question bank with the key "{key}" already exists.',
    },
  },
  ITEM_KEY_TAKEN: {
    status: 409,
    message: {
      kk: 'Бұл банкте «{key}» кілті бар сұрақ бұрыннан бар.',
      ru: 'В этом банке уже есть вопрос с ключом «{key}».',
      en: 'This bank already has an item with the key "{key}".',
    },
  },
  PACKAGE_UNREADABLE: {
    status: 400,
    message: {
      kk: 'Бұл файл курс пакеті емес: {reason}. Курс папкасын (course.yaml, lessons/, banks/) .zip етіп жіберіңіз.',
      ru: 'Этот файл не пакет курса: {reason}. Отправьте папку курса (course.yaml, lessons/, banks/) архивом .zip.',
      en: 'This file is not a course package: {reason}. Send the course folder (course.yaml, lessons/, banks/) as a .zip.',
    },
  },
  PACKAGE_PROBLEMS: {
    status: 400,
    message: {
      kk: 'Пакетте {count} қате бар, ештеңе импортталмады. Әр қатені түзетіп, пакетті қайта жіберіңіз.',
      ru: 'В пакете ошибок: {count}; ничего не импортировано. Исправьте каждую и отправьте пакет снова.',
      en: 'The package has {count} problem(s); nothing was imported. Fix each one and upload it again.',
    },
  },
  IMPORT_REFUSED: {
    status: 400,
    message: {
      kk: 'Файл импортталмады: {reason}',
      ru: 'Файл не импортирован: {reason}',
      en: 'The file was not imported: {reason}',
    },
  },
  CERTIFICATE_NOT_READY: {
    status: 409,
    message: {
      kk: 'Сертификат әлі дайындалып жатыр. Бір минуттан кейін қайталаңыз.',
      ru: 'Сертификат ещё готовится. Повторите через минуту.',
      en: 'The certificate is still being issued. Try again in a minute.',
    },
  },
  CERTIFICATE_REVOKED: {
    status: 409,
    message: {
      kk: 'Бұл сертификат бұрын кері қайтарылған.',
      ru: 'Этот сертификат уже отозван.',
      en: 'This certificate has already been revoked.',
    },
  },
  CERTIFICATE_NOT_FAILED: {
    status: 409,
    message: {
      kk: 'Тек берілмей қалған сертификатты қайта жіберуге болады; бұл сертификаттың күйі: {status}.',
      ru: 'Повторить можно только выдачу, завершившуюся ошибкой; состояние этого сертификата: {status}.',
      en: 'Only a certificate whose issue failed can be retried; this one is {status}.',
    },
  },
  FRAMEWORK_BUNDLED: {
    status: 409,
    message: {
      kk: '«{code}» шеңбері репозиторийдегі деректерден жүктеледі: оны API арқылы өзгертуге болмайды.',
      ru: 'Рамка «{code}» загружается из данных репозитория: изменить её через API нельзя.',
      en: 'The framework "{code}" is loaded from the repository\'s data files and cannot be changed through the API.',
    },
  },
  EVIDENCE_ANNULLED: {
    status: 409,
    message: {
      kk: 'Бұл дәлел бұрын жойылған.',
      ru: 'Это свидетельство уже аннулировано.',
      en: 'This evidence has already been annulled.',
    },
  },
  TOO_MANY_ATTEMPTS: {
    status: 429,
    message: {
      kk: 'Кіру әрекеттері тым көп. {minutes} минуттан кейін қайталаңыз.',
      ru: 'Слишком много попыток входа. Повторите через {minutes} мин.',
      en: 'Too many sign-in attempts. Try again in {minutes} min.',
    },
  },
  REQUEST_REJECTED: {
    status: 400,
    message: {
      kk: 'Сұрау қабылданбады.',
      ru: 'Запрос отклонён.',
      en: 'The request was rejected.',
    },
  },
  SERVICE_UNAVAILABLE: {
    status: 503,
    message: {
      kk: 'Қызмет уақытша қолжетімсіз. Біраздан кейін қайталаңыз.',
      ru: 'Сервис временно недоступен. Повторите попытку чуть позже.',
      en: 'The service is temporarily unavailable. Please try again shortly.',
    },
  },
  INTERNAL_ERROR: {
    status: 500,
    message: {
      kk: 'Серверде күтпеген қате болды. Кейінірек қайталаңыз; қате қайталанса, қолдау қызметіне сұрау кодын ({requestId}) хабарлаңыз.',
      ru: 'На сервере произошла непредвиденная ошибка. Повторите позже; если ошибка повторится, сообщите в поддержку код запроса ({requestId}).',
      en: 'Something went wrong on the server. Try again later; if it happens again, give support the request code ({requestId}).',
    },
  },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERRORS;
